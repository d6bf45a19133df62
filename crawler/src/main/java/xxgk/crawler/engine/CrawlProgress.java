package xxgk.crawler.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import xxgk.archive.store.CrawlProblem;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.RunStore;
import xxgk.archive.store.SiteTally;

/** Live counts of one crawl run per site, and the problems met; what the progress line and the run record show. */
final class CrawlProgress {

    private static final class Counts {
        final AtomicLong pages = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong originals = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong blocked = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong fresh = new AtomicLong();
    }

    private final Map<String, Counts> sites = new LinkedHashMap<>();
    private final List<CrawlProblem> problems = new ArrayList<>();
    /** The reports link texts and file names named so far: the count the progress line shows before the catalogue exists. */
    private final Set<String> reportsLinked = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Instant started;
    /** Pages an interrupted run had fetched before this process continued it: the rate is this process's own. */
    private long pagesBefore;

    CrawlProgress(List<String> siteIds) {
        this(siteIds, Clock.systemUTC());
    }

    CrawlProgress(List<String> siteIds, Clock clock) {
        siteIds.forEach(id -> sites.put(id, new Counts()));
        this.clock = clock;
        this.started = clock.instant();
    }

    /** The progress of an interrupted run, as last recorded, to be continued. */
    static CrawlProgress continuing(List<String> siteIds, CrawlRun run) {
        CrawlProgress progress = new CrawlProgress(siteIds);
        for (SiteTally t : run.tallies()) {
            Counts c = progress.sites.get(t.site());
            if (c != null) {
                c.pages.set(t.pages());
                c.bytes.set(t.bytes());
                c.originals.set(t.originals());
                c.errors.set(t.errors());
                c.skipped.set(t.skipped());
                c.blocked.set(t.blocked());
                c.notModified.set(t.notModified());
                c.fresh.set(t.fresh());
            }
        }
        progress.problems.addAll(run.problems());
        progress.pagesBefore = progress.total(c -> c.pages);
        return progress;
    }

    /** Responses received for the site so far in this run. */
    long pages(String site) {
        return sites.get(site).pages.get();
    }

    void fetched(String site, long bytes, boolean newOriginal) {
        Counts c = sites.get(site);
        c.pages.incrementAndGet();
        c.bytes.addAndGet(bytes);
        if (newOriginal) {
            c.originals.incrementAndGet();
        }
    }

    /** A 304 to a conditional request: a response without a body. */
    void notModified(String site) {
        Counts c = sites.get(site);
        c.pages.incrementAndGet();
        c.notModified.incrementAndGet();
    }

    /** An archived document not asked again: younger than the site's revisit period. */
    void fresh(String site) {
        sites.get(site).fresh.incrementAndGet();
    }

    /** A document fetched whose link text or file name names this report (one report counts once, however many formats). */
    void reportLinked(String title) {
        reportsLinked.add(title);
    }

    void failed(String site, String url, String problem) {
        sites.get(site).errors.incrementAndGet();
        note(site, url, problem);
    }

    void skipped(String site, String url, String reason) {
        sites.get(site).skipped.incrementAndGet();
        note(site, url, reason);
    }

    /** An answer that was an anti-bot wall: counted as blocked and noted; nothing more is asked of its host. */
    void walled(String site, String url, String wall) {
        sites.get(site).blocked.incrementAndGet();
        note(site, url, "blocked by an anti-bot wall (" + wall + "): nothing more requested from this host in this run");
    }

    /** A URL not requested because its host put up a wall earlier; the wall itself was noted then. */
    void blocked(String site) {
        sites.get(site).blocked.incrementAndGet();
    }

    /** A problem worth keeping that is not a failed fetch (e.g. a document whose text could not be extracted). */
    void note(String site, String url, String problem) {
        synchronized (problems) {
            if (problems.size() < RunStore.MAX_PROBLEMS) {
                problems.add(new CrawlProblem(Instant.now(), site, url, problem));
            }
        }
    }

    List<SiteTally> tallies() {
        return sites.entrySet().stream().map(e -> {
            Counts c = e.getValue();
            return new SiteTally(e.getKey(), c.pages.get(), c.bytes.get(), c.originals.get(), c.errors.get(), c.skipped.get(),
                    c.blocked.get(), c.notModified.get(), c.fresh.get());
        }).toList();
    }

    List<CrawlProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /**
     * The status line, all sites together: time running, pages fetched, URLs waiting in the frontier, this process's
     * rate, errors, reports linked, and what was unchanged (304) or blocked when anything was. Kept near 80 columns.
     */
    String line(long queued) {
        Duration running = Duration.between(started, clock.instant());
        long pages = total(c -> c.pages);
        double seconds = Math.max(1, running.toMillis()) / 1000.0;
        long blocked = total(c -> c.blocked);
        long unchanged = total(c -> c.notModified);
        return String.format(Locale.ROOT, "%s  %d pages%s  %d queued  %.1f/s  %d errors  %d reports%s",
                clock(running), pages, unchanged > 0 ? " (" + unchanged + " unchanged)" : "", queued, (pages - pagesBefore) / seconds,
                total(c -> c.errors), reportsLinked.size(), blocked > 0 ? "  " + blocked + " blocked" : "");
    }

    private long total(Function<Counts, AtomicLong> counter) {
        return sites.values().stream().mapToLong(c -> counter.apply(c).get()).sum();
    }

    private static String clock(Duration d) {
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
