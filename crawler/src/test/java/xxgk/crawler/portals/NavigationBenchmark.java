package xxgk.crawler.portals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * How well a crawl navigates the fixture portals: per portal and in total, the reports present (reachable), the
 * reports found (all their originals archived), the requests made and requests per report found, the wall time, and
 * the precision and recall of report recognition. Run from the repository root with
 * {@code mvn -q -pl crawler -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=xxgk.crawler.portals.NavigationBenchmark};
 * an argument sets the number of news articles (default {@value FixturePortals#NEWS_ARTICLES}).
 */
public final class NavigationBenchmark {

    private NavigationBenchmark() {}

    public static void main(String[] args) throws IOException {
        int news = args.length > 0 ? Integer.parseInt(args[0]) : FixturePortals.NEWS_ARTICLES;
        Path dir = Files.createTempDirectory("xxgk-navigation");
        PrintStream out = System.out;
        try (FixturePortals portals = FixturePortals.start(news)) {
            Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
            try {
                FixtureCrawl.runQuietly(portals, archive, dir);
                print(portals, archive, news, out);
            } finally {
                archive.close();
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void print(FixturePortals portals, Archive archive, int news, PrintStream out) {
        Map<String, Capture> latest = FixtureCrawl.latest(archive);
        List<Site> sites = portals.sites(FixtureCrawl.DELAY);
        out.printf(Locale.ROOT, "navigation benchmark: %d fixture portals, %d news articles, delay %d ms%n",
                sites.size(), news, FixtureCrawl.DELAY.toMillis());
        out.printf(Locale.ROOT, "%-10s %8s %6s %9s %12s %9s  %s%n", "site", "present", "found", "requests", "req/report", "wall s", "not found");
        int present = 0;
        int found = 0;
        List<Hit> all = portals.hits();
        for (Site site : sites) {
            List<ExpectedReport> reachable = portals.reports().stream()
                    .filter(r -> r.site().equals(site.id()) && r.reach() == Reach.REACHABLE).toList();
            List<ExpectedReport> missed = reachable.stream().filter(r -> !FixtureCrawl.found(r, latest)).toList();
            String host = portals.host(site.id());
            List<Hit> hits = all.stream().filter(h -> h.host().equals(host)).toList();
            int siteFound = reachable.size() - missed.size();
            out.printf(Locale.ROOT, "%-10s %8d %6d %9d %12s %9.1f  %s%n", site.id(), reachable.size(), siteFound, hits.size(),
                    perReport(hits.size(), siteFound), seconds(hits), missed.stream().map(ExpectedReport::title).toList());
            present += reachable.size();
            found += siteFound;
        }
        out.printf(Locale.ROOT, "%-10s %8d %6d %9d %12s %9.1f%n", "total", present, found, all.size(), perReport(all.size(), found), seconds(all));
        long blocked = portals.reports().stream().filter(r -> r.reach() != Reach.REACHABLE).count();
        out.printf(Locale.ROOT, "not reachable by design (blocked or robots-disallowed): %d reports%n", blocked);
        List<RecognisedReport> recognised = Recognition.recognised(archive, sites.stream().map(Site::id).toList());
        RecognitionScore score = RecognitionScore.of(recognised, portals.reports());
        out.printf(Locale.ROOT, "recognition: %d recognised, %d correct of %d; precision %.3f, recall %.3f%n",
                score.recognised(), score.correct(), score.expected(), score.precision(), score.recall());
    }

    private static String perReport(int requests, int found) {
        return found == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) requests / found);
    }

    /** From the first request to a host to the last. */
    private static double seconds(List<Hit> hits) {
        return hits.isEmpty() ? 0 : Duration.between(hits.get(0).at(), hits.get(hits.size() - 1).at()).toMillis() / 1000.0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
