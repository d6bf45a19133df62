package xxgk.crawler.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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

    CrawlProgress(List<String> siteIds) {
        siteIds.forEach(id -> sites.put(id, new Counts()));
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

    /** One line for the terminal: pages, bytes and errors per site. */
    String line() {
        return tallies().stream().map(t -> t.site() + " " + t.pages() + " pages " + Sizes.human(t.bytes())
                + (t.errors() > 0 ? " " + t.errors() + " errors" : "") + (t.blocked() > 0 ? " " + t.blocked() + " blocked" : "")).collect(Collectors.joining(" | "));
    }
}
