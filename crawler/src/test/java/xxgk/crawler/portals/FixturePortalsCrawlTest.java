package xxgk.crawler.portals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.crawler.portals.ExpectedReport.Reach;

/** End to end on the fixture portals: one crawl of all five, then one test per concern. */
class FixturePortalsCrawlTest {

    static final int TEST_NEWS_ARTICLES = 300;

    @TempDir
    static Path dir;
    static FixturePortals portals;
    static Archive archive;
    static CrawlRun run;
    static Map<String, Capture> latest;

    @BeforeAll
    static void crawl() throws IOException {
        // A smaller news section than the benchmark's keeps the test near half a minute; it still outweighs the
        // pages on report paths several times over.
        portals = FixturePortals.start(TEST_NEWS_ARTICLES);
        archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
        run = FixtureCrawl.runQuietly(portals, archive, dir);
        latest = FixtureCrawl.latest(archive);
    }

    @AfterAll
    static void close() {
        archive.close();
        portals.close();
    }

    @Test
    void theGroundTruthCoversEveryChallenge() {
        List<ExpectedReport> reports = portals.reports();
        assertThat(reports).hasSizeGreaterThanOrEqualTo(15);
        assertThat(reports).extracting(ExpectedReport::year).contains(2019, 2020, 2021, 2022, 2023, 2024);
        assertThat(reports).extracting(ExpectedReport::reach).contains(Reach.BLOCKED, Reach.ROBOTS_DISALLOWED);
        assertThat(reports).anyMatch(r -> r.originals().size() >= 3);
        assertThat(reports).anyMatch(r -> r.articleUrl().isEmpty());
        assertThat(reports).anyMatch(r -> !r.otherLocations().isEmpty());
        assertThat(reports).anyMatch(r -> !r.title().matches(".*20\\d\\d.*"));
        assertThat(portals.decoys()).extracting(Decoy::kind).contains(Decoy.Kind.values());
    }

    @Test
    void everyReachableReportIsArchivedByteForByte() throws IOException {
        for (ExpectedReport report : portals.reports()) {
            if (report.reach() != Reach.REACHABLE) {
                continue;
            }
            for (String url : report.urls()) {
                Capture capture = latest.get(url);
                assertThat(capture).as(report.title() + " at " + url).isNotNull();
                assertThat(capture.status()).as(url).isEqualTo(200);
                try (InputStream in = archive.blobs().open(capture.sha256())) {
                    assertThat(in.readAllBytes()).as(url).isEqualTo(portals.served().get(url));
                }
            }
        }
    }

    @Test
    void decoysOfEveryKindAreArchivedForRecognitionToReject() {
        // A focused crawl may pass by a decoy deep in a news column; every kind must still be put to recognition.
        for (Decoy.Kind kind : Decoy.Kind.values()) {
            assertThat(portals.decoys()).filteredOn(d -> d.kind() == kind)
                    .as(kind.name()).anyMatch(d -> latest.get(d.url()) != null && latest.get(d.url()).status() == 200);
        }
    }

    @Test
    void aListServletThatRefusesGetIsAskedByPost() {
        List<Hit> proxy = portals.hits().stream().filter(h -> h.target().contains("dataproxy.jsp")
                && h.target().contains("columnid=" + HanwebPortal.POST_ONLY_COLUMN)).toList();
        assertThat(proxy).anyMatch(h -> h.method().equals("GET") && h.status() == 405);
        assertThat(proxy).anyMatch(h -> h.method().equals("POST") && h.status() == 200);
        assertThat(latest.values()).filteredOn(c -> c.url().contains("columnid=" + HanwebPortal.POST_ONLY_COLUMN))
                .isNotEmpty().allSatisfy(c -> assertThat(c.method()).isEqualTo("POST"));
    }

    @Test
    void noRobotsDisallowedPathIsEverRequested() {
        assertThat(portals.hits()).noneMatch(h -> h.path().startsWith(TrapPortal.DISALLOWED) || h.path().startsWith("/search/")
                || h.path().startsWith("/module/search/") || h.path().startsWith("/hebhlq/admin/"));
        ExpectedReport disallowed = portals.reports().stream().filter(r -> r.reach() == Reach.ROBOTS_DISALLOWED).findFirst().orElseThrow();
        assertThat(latest).doesNotContainKeys(disallowed.urls().toArray(String[]::new));
        assertThat(run.problems()).anyMatch(p -> disallowed.urls().contains(p.url()) && p.problem().contains("robots.txt"));
    }

    @Test
    void theCrawlDelayOfRobotsTxtSpacesRequests() {
        List<Hit> trap = portals.hits().stream().filter(h -> h.host().equals(TrapPortal.HOST)).toList();
        assertThat(trap).hasSizeGreaterThan(3);
        for (int i = 2; i < trap.size(); i++) {
            // From the request after robots.txt on; 50 ms asked, a few ms of clock slack allowed.
            assertThat(Duration.between(trap.get(i - 1).at(), trap.get(i).at())).isGreaterThan(Duration.ofMillis(40));
        }
    }

    @Test
    void theWalledHostIsAskedAtMostTwiceAndItsReportIsNotArchived() {
        assertThat(portals.hits()).filteredOn(h -> h.host().equals(WalledPortal.HOST)).hasSizeBetween(1, 2)
                .allMatch(h -> h.status() == 412);
        ExpectedReport blocked = portals.reports().stream().filter(r -> r.reach() == Reach.BLOCKED).findFirst().orElseThrow();
        assertThat(latest).doesNotContainKeys(blocked.urls().toArray(String[]::new));
    }

    @Test
    void aTransientErrorOnAnAttachmentIsRetried() {
        assertThat(portals.hits()).filteredOn(h -> h.target().endsWith("2201201530452390.docx"))
                .extracting(Hit::status).containsExactly(503, 200);
    }

    @Test
    void theHugeVideoIsCutAtTheSizeCapAndNotKept() {
        assertThat(portals.hits()).filteredOn(h -> h.path().endsWith(".mp4")).hasSizeLessThanOrEqualTo(1);
        assertThat(latest.values()).noneMatch(c -> c.url().endsWith(".mp4") && c.size() > 0);
    }

    /** Focus: spend requests on the paths to reports, not on news, letters and guides. */
    @Test
    void requestsStayWithinThreeTimesThePagesOnReportPaths() {
        Set<String> onPaths = pagesOnReportPaths();
        assertThat(portals.hits().size()).as("requests for %d pages on report paths", onPaths.size()).isLessThan(3 * onPaths.size());
    }

    /**
     * The pages a person passes through to the reachable reports, as this crawl found them: each report URL and the
     * chain of pages that linked it, back to the seed, plus each host's robots.txt.
     */
    private static Set<String> pagesOnReportPaths() {
        Set<String> pages = new HashSet<>();
        for (ExpectedReport report : portals.reports()) {
            for (String url : report.reach() == Reach.REACHABLE ? report.urls() : List.<String>of()) {
                for (String page = url; page != null && pages.add(page); ) {
                    Capture capture = latest.get(page);
                    page = capture == null ? null : capture.foundOn().orElse(null);
                }
            }
        }
        latest.keySet().stream().filter(u -> u.endsWith("/robots.txt")).forEach(pages::add);
        return pages;
    }

    @Test
    void sessionIdsDoNotMultiplyPages() {
        // The 年报 column's pager gives every link a new ;jsessionid=: two list pages, each asked for once.
        assertThat(portals.hits()).filteredOn(h -> h.host().equals(TrapPortal.HOST) && h.path().startsWith("/zwgk/nb/index"))
                .extracting(h -> h.path().replaceFirst(";jsessionid=\\w+", "")).containsExactlyInAnyOrder("/zwgk/nb/index.html", "/zwgk/nb/index_1.html");
    }

    @Test
    void theCalendarIsNotFollowedForever() {
        // Outside the report paths, focus stops at the calendar's first pages.
        assertThat(portals.hits()).filteredOn(h -> h.path().equals("/hdjl/rl.html")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void growingRelativeLinksAreNotFollowedForever() {
        // Inside the 年报 column focus follows everything: the trap cuts the growing URL, and says so.
        List<String> topics = portals.hits().stream().filter(h -> h.host().equals(TrapPortal.HOST) && h.path().startsWith("/zwgk/nb/zt/"))
                .map(Hit::path).toList();
        assertThat(topics).contains("/zwgk/nb/zt/a/").noneMatch(p -> p.contains("/a/a/a/"));
        assertThat(run.problems()).anyMatch(p -> p.url().contains("/zwgk/nb/zt/a/a/") && p.problem().startsWith("trap:"));
    }

    @Test
    void printDuplicatesAreRecognisedAndNotCrawledAgain() {
        List<String> prints = portals.hits().stream().map(Hit::target).filter(t -> t.contains("print=1")).toList();
        assertThat(prints).doesNotHaveDuplicates();
        assertThat(run.problems()).filteredOn(p -> p.url().contains("print=1") && p.problem().startsWith("duplicate of "))
                .hasSize(prints.size());
    }

    @Test
    void theWallIsRecordedAsBlocked() {
        assertThat(run.tallies()).filteredOn(t -> t.site().equals(WalledPortal.SITE)).singleElement()
                .satisfies(t -> assertThat(t.blocked()).isPositive());
        assertThat(run.problems()).anyMatch(p -> p.site().equals(WalledPortal.SITE) && p.problem().contains("$_ts"));
    }

    @Test
    void reportsAreRecognisedAndDecoysAreNot() {
        List<RecognisedReport> recognised = Recognition.recognised(archive, portals.sites(FixtureCrawl.DELAY).stream()
                .map(xxgk.config.Site::id).toList());
        RecognitionScore score = RecognitionScore.of(recognised, portals.reports());
        assertThat(score.missed()).as("reports not recognised").isEmpty();
        assertThat(score.wrong()).as("recognised, but no report or a duplicate").isEmpty();
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isEqualTo(1.0);
    }
}
