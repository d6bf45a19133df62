package xxgk.crawler.portals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.engine.Crawl;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/** One crawl of every fixture portal into an archive, as {@code xxgk crawl} would run it, and what it kept. */
final class FixtureCrawl {

    /** Small, so that tests stay fast; robots.txt Crawl-delay still wins where it is larger. */
    static final Duration DELAY = Duration.ofMillis(20);

    private FixtureCrawl() {}

    static CrawlRun run(FixturePortals portals, Archive archive, Path dataDir, PrintStream out) {
        List<Site> sites = portals.sites(DELAY);
        Crawl.Options options = new Crawl.Options(4,
                new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(50)),
                ResolveOverrides.parse(portals.resolveSpecs()), Duration.ofSeconds(30));
        try (TextExtractor extractor = new TextExtractor()) {
            return new Crawl(archive, dataDir, extractor, out).run(sites, options);
        }
    }

    static CrawlRun runQuietly(FixturePortals portals, Archive archive, Path dataDir) {
        return run(portals, archive, dataDir, new PrintStream(new ByteArrayOutputStream()));
    }

    /** The latest capture of every archived URL. */
    static Map<String, Capture> latest(Archive archive) {
        return archive.captures().latestPerUrl(Optional.empty()).stream().collect(Collectors.toMap(Capture::url, c -> c));
    }

    /** True when every original of the report was archived with status 200. */
    static boolean found(ExpectedReport report, Map<String, Capture> latest) {
        return report.originals().stream().allMatch(url -> latest.containsKey(url) && latest.get(url).status() == 200);
    }
}
