package xxgk.crawler.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Quantities;
import xxgk.config.Site;
import xxgk.crawler.engine.Crawl;
import xxgk.crawler.fetch.ResolveOverrides;

@Command(name = "crawl", description = "Crawl all (or the named) sites once, or every DURATION until stopped. On a terminal one status "
        + "line shows pages, queue, rate, errors and reports; otherwise a line every 30 s; with --quiet nothing but errors.")
final class CrawlCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "ID", description = "Crawl only this site (repeatable).")
    List<String> sites = new ArrayList<>();

    @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDRESS", description = "Connect to ADDRESS whenever HOST:PORT is requested (like curl; repeatable).")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--every", paramLabel = "DURATION", description = "Keep crawling with this period (6h, 1h30m, PT6H) until stopped.")
    String every;

    @Option(names = "--threads", paramLabel = "N", description = "Crawler workers: each takes a URL of any host that is due, and each"
            + " host still gets one request at a time (default: ${DEFAULT-VALUE}).", defaultValue = "" + Crawl.Options.WORKERS)
    int threads;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws InterruptedException {
        List<Site> chosen = xxgk.global.sites().select(sites);
        ResolveOverrides overrides = ResolveOverrides.parse(resolve);
        Duration period = every == null ? null : Quantities.durationOrNull(every);
        if (every != null && (period == null || period.isZero())) {
            throw new IllegalArgumentException("--every '" + every + "' is not a duration (e.g. 30m, 6h, 1h30m, 1d, PT6H)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        Crawl.Options defaults = Crawl.Options.defaults();
        Crawl.Options options = new Crawl.Options(threads, defaults.http(), overrides, defaults.progressEvery());
        PrintStream info = xxgk.global.info();
        xxgk.global.notes().println("archive: " + xxgk.global.location().describe());
        try (Archive store = xxgk.global.open(); TextExtractor extractor = new TextExtractor()) {
            Crawl crawl = new Crawl(store, xxgk.global.location().dataDir(), extractor, info, xxgk.global.progress());
            if (period == null) {
                crawl.run(chosen, options);
                return 0;
            }
            while (true) {
                Instant now = Instant.now();
                List<Site> due = chosen.stream().filter(s -> store.schedule().nextDue(s.id()).map(t -> !t.isAfter(now)).orElse(true)).toList();
                if (!due.isEmpty()) {
                    CrawlRun run = crawl.run(due, options);
                    if (run.status() != CrawlRun.Status.FINISHED) {
                        return 0;
                    }
                    Instant end = run.endedAt().orElseThrow();
                    due.forEach(s -> store.schedule().setNextDue(s.id(), end.plus(s.every().orElse(period))));
                }
                // The schedule is in the archive, so a restarted crawl --every keeps each site's cadence.
                Instant next = chosen.stream().map(s -> store.schedule().nextDue(s.id()).orElse(Instant.now()))
                        .min(Comparator.naturalOrder()).orElseThrow();
                info.println("next crawl at " + next + " (Ctrl-C stops)");
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            }
        }
    }
}
