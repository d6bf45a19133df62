package xxgk.crawler.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Quantities;
import xxgk.config.Site;
import xxgk.config.SiteConfig;
import xxgk.crawler.engine.Crawl;
import xxgk.crawler.fetch.ResolveOverrides;

@Command(name = "crawl", description = "Crawl all (or the named) sites once, or every DURATION until stopped.")
final class CrawlCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Sites file (default: ${DEFAULT-VALUE}).", defaultValue = SiteConfig.DEFAULT_FILE)
    Path config;

    @Option(names = "--site", paramLabel = "ID", description = "Crawl only this site (repeatable).")
    List<String> sites = new ArrayList<>();

    @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDRESS", description = "Connect to ADDRESS whenever HOST:PORT is requested (like curl; repeatable).")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--every", paramLabel = "DURATION", description = "Keep crawling with this period (e.g. 6h) until stopped.")
    String every;

    @Option(names = "--threads", paramLabel = "N", description = "Crawler threads; each host still gets one request at a time (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int threads;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws InterruptedException {
        List<Site> chosen = SiteConfig.load(config).select(sites);
        ResolveOverrides overrides = ResolveOverrides.parse(resolve);
        Duration period = every == null ? null : Quantities.durationOrNull(every);
        if (every != null && (period == null || period.isZero())) {
            throw new IllegalArgumentException("--every '" + every + "' is not a duration (e.g. 30m, 6h, 1d)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        Crawl.Options defaults = Crawl.Options.defaults();
        Crawl.Options options = new Crawl.Options(threads, defaults.http(), overrides, defaults.progressEvery());
        System.err.println("archive: " + archive.location().describe());
        try (Archive store = archive.open(); TextExtractor extractor = new TextExtractor()) {
            Crawl crawl = new Crawl(store, archive.location().dataDir(), extractor, System.out);
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
                System.out.println("next crawl at " + next + " (Ctrl-C stops)");
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            }
        }
    }
}
