package xxgk.crawler.portals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportChange;
import xxgk.archive.catalog.ReportGrid;
import xxgk.archive.catalog.ReportListing;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.SiteTally;
import xxgk.crawler.cli.RealCli;

/**
 * Periodic crawling of a portal that changes between crawls ({@link ChangingPortal}): the second crawl asks
 * conditionally, downloads only what changed, and the catalog's change log names exactly the new, the changed
 * (with its cells) and the removed report; the removed one stays in the catalog and its originals in the archive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevisitCrawlTest {

    @TempDir
    static Path dir;
    FixturePortals server;
    ChangingPortal portal;
    Archive archive;
    CrawlRun first;
    CrawlRun second;
    Instant between;
    Map<String, Capture> before;
    int hitsOfFirst;

    @BeforeAll
    void crawlTwice() throws Exception {
        server = FixturePortals.start(base -> List.of(portal = new ChangingPortal(base.apply(ChangingPortal.HOST))));
        archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()));
        first = FixtureCrawl.runQuietly(server, archive, dir.resolve("data"));
        hitsOfFirst = server.hits().size();
        before = FixtureCrawl.latest(archive);
        between = Instant.now();
        portal.change();
        second = FixtureCrawl.runQuietly(server, archive, dir.resolve("data"));
    }

    @AfterAll
    void close() {
        archive.close();
        server.close();
    }

    private List<Hit> hitsOfSecond() {
        return server.hits().subList(hitsOfFirst, server.hits().size());
    }

    @Test
    @Order(1)
    void theFirstCrawlRecordsEveryReportAsNew() {
        List<ReportChange> changes = archive.catalog().changes().ofRun(first.id());
        assertThat(changes).hasSize(20).allMatch(c -> c.kind() == ReportChange.Kind.NEW);
        assertThat(changes.stream().map(ReportChange::report).distinct()).hasSize(20);
    }

    @Test
    @Order(2)
    void everyRequestForAnArchivedUrlCarriesValidators() {
        Set<String> archivedOk = before.values().stream().filter(c -> c.status() == 200).map(Capture::url)
                .map(u -> u.replaceFirst("^http://[^/]+", "")).collect(Collectors.toSet());
        List<Hit> again = hitsOfSecond().stream().filter(h -> archivedOk.contains(h.target())).toList();
        assertThat(again).isNotEmpty().allMatch(Hit::conditional);
        assertThat(hitsOfSecond().stream().filter(h -> h.status() == 304)).hasSizeGreaterThan(30);
    }

    @Test
    @Order(3)
    void theSecondCrawlTransfersLittle() {
        long firstBytes = first.tallies().stream().mapToLong(SiteTally::bytes).sum();
        long secondBytes = second.tallies().stream().mapToLong(SiteTally::bytes).sum();
        System.out.printf("revisit fixture: first crawl %d requests, %d bytes; second crawl %d requests (%d not modified), %d bytes (%.1f %%)%n",
                first.tallies().get(0).pages(), firstBytes, second.tallies().get(0).pages(), second.tallies().get(0).notModified(),
                secondBytes, 100.0 * secondBytes / firstBytes);
        assertThat(secondBytes).isLessThan(firstBytes * 15 / 100);
        SiteTally tally = second.tallies().get(0);
        assertThat(tally.notModified()).isGreaterThan(30);
        assertThat(tally.downloaded()).isLessThan(6);
        // the corrected PDF, the new article and its PDF, the list that now links it, the taken-down article's 404 page
        assertThat(tally.originals()).isEqualTo(5);
    }

    @Test
    @Order(4)
    void revisitsStoreNoBytesAndReadBackTheContentTheyReferTo() throws Exception {
        String home = server.resolveSpecs().get(0).replaceFirst("^([^:]+:\\d+):.*", "http://$1/");
        Capture latest = archive.captures().latest(home).orElseThrow();
        assertThat(latest.revisit()).isTrue();
        assertThat(latest.status()).isEqualTo(304);
        assertThat(latest.exchange().orElseThrow().headers()).anyMatch(h -> h.name().equals("If-None-Match"));
        assertThat(latest.exchange().orElseThrow().remoteAddress()).contains("127.0.0.1");
        Capture content = archive.captures().latestContent(home).orElseThrow();
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.id()).isEqualTo(latest.refersTo().orElseThrow());
        assertThat(content.sha256()).isEqualTo(latest.sha256());
    }

    @Test
    @Order(5)
    void changesListExactlyTheNewTheChangedWithItsCellsAndTheRemoved() throws Exception {
        RealCli.Result result = cli("changes", "--json", "--since", between.toString(), "--data", dir.resolve("data").toString());
        assertThat(result.status()).as(result.err()).isZero();
        List<JsonNode> changes = result.text().lines().map(RevisitCrawlTest::json).toList();
        assertThat(changes).extracting(c -> c.get("kind").asText()).containsExactlyInAnyOrder("new", "changed", "removed");
        Map<String, JsonNode> byKind = changes.stream().collect(Collectors.toMap(c -> c.get("kind").asText(), c -> c));
        assertThat(byKind.get("new").get("year").asInt()).isEqualTo(2024);
        assertThat(byKind.get("new").get("url").asText()).endsWith(portal.added().article());
        assertThat(byKind.get("changed").get("url").asText()).endsWith(portal.corrected().pdf());
        assertThat(byKind.get("changed").get("old_sha256").asText()).isNotEqualTo(byKind.get("changed").get("new_sha256").asText());
        assertThat(byKind.get("changed").get("cells")).isNotEmpty();
        assertThat(byKind.get("changed").get("cells").get(0).get("cell").asText()).matches("t[234]_.*");
        assertThat(byKind.get("removed").get("url").asText()).endsWith(portal.takenDown().article());
        for (JsonNode c : changes) {
            assertThat(c.get("run").asText()).isEqualTo(second.id());
            assertThat(Instant.parse(c.get("at").asText())).isAfter(between);
        }
    }

    @Test
    @Order(6)
    void theRemovedReportStaysWithItsOriginalsRetrievable() throws Exception {
        List<Report> reports = archive.catalog().reports(Optional.of(ChangingPortal.SITE), OptionalInt.empty());
        assertThat(reports).hasSize(21);
        Report gone = reports.stream().filter(r -> r.title().equals(portal.takenDown().title())).findFirst().orElseThrow();
        assertThat(gone.status()).isEqualTo(Report.Status.REMOVED);
        assertThat(gone.removedAt().orElseThrow().evidence()).contains("HTTP 404");

        RealCli.Result json = cli("reports", "--json", "--site", ChangingPortal.SITE, "--data", dir.resolve("data").toString());
        JsonNode row = json.text().lines().map(RevisitCrawlTest::json).filter(r -> r.get("id").asText().equals(gone.id())).findFirst().orElseThrow();
        assertThat(row.get("status").asText()).isEqualTo("removed");
        assertThat(row.get("removed_at").asText()).isNotEmpty();

        // The grid of xxgk serve: the taken-down report removed; the year only 民政局 reported (2024) missing for the rest.
        try (ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses())) {
            ReportGrid grid = ReportGrid.of(ReportListing.of(archive.catalog(), statistics, Optional.of(ChangingPortal.SITE),
                    OptionalInt.empty()), OptionalInt.empty()).get(0);
            assertThat(grid.years()).containsExactly(2020, 2021, 2022, 2023, 2024);
            assertThat(grid.rows()).extracting(ReportGrid.Row::agency).containsExactlyInAnyOrderElementsOf(ChangingPortal.AGENCIES);
            ReportGrid.Cell removed = grid.rows().stream().filter(r -> r.agency().equals(gone.agency())).findFirst().orElseThrow()
                    .cells().get(gone.year());
            assertThat(removed.state()).isEqualTo(ReportGrid.State.REMOVED);
            assertThat(removed.report().map(Report::id)).contains(gone.id());
            assertThat(grid.rows()).allSatisfy(r -> assertThat(r.cells().get(2024).state())
                    .isEqualTo(r.agency().equals("哈尔滨市阿城区民政局") ? ReportGrid.State.ON_TIME : ReportGrid.State.MISSING));
        }

        String pdf = gone.originals().get(0).url();
        Path saved = dir.resolve("gone.pdf");
        RealCli.Result get = cli("get", pdf, "--at", between.toString(), "-o", saved.toString(), "--data", dir.resolve("data").toString());
        assertThat(get.status()).as(get.err()).isZero();
        assertThat(xxgk.archive.store.Sha256.of(Files.readAllBytes(saved))).isEqualTo(gone.originals().get(0).sha256());
    }

    @Test
    @Order(7)
    void theCorrectedReportKeepsBothVersionsAndItsOldBytes() throws Exception {
        Report corrected = archive.catalog().reports(Optional.of(ChangingPortal.SITE), OptionalInt.empty()).stream()
                .filter(r -> r.title().equals(portal.corrected().title())).findFirst().orElseThrow();
        assertThat(corrected.status()).isEqualTo(Report.Status.CURRENT);
        assertThat(corrected.versions()).hasSize(2).extracting(v -> v.url()).containsOnly(corrected.originals().get(0).url());
        String url = corrected.originals().get(0).url();
        assertThat(archive.captures().contentAtOrBefore(url, between).orElseThrow().sha256())
                .isEqualTo(before.get(url).sha256()).isNotEqualTo(corrected.originals().get(0).sha256());
    }

    @Test
    @Order(8)
    void aThirdCrawlSeesTheTakenDownReportRestoredAndNothingElse() {
        portal.restore();
        CrawlRun third = FixtureCrawl.runQuietly(server, archive, dir.resolve("data"));
        List<ReportChange> changes = archive.catalog().changes().ofRun(third.id());
        assertThat(changes).extracting(ReportChange::kind).containsExactly(ReportChange.Kind.RESTORED);
        Set<String> ids = new HashSet<>();
        archive.catalog().reports(Optional.of(ChangingPortal.SITE), OptionalInt.empty()).forEach(r -> {
            assertThat(r.status()).isEqualTo(Report.Status.CURRENT);
            ids.add(r.id());
        });
        assertThat(ids).hasSize(21);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static RealCli.Result cli(String... args) {
        return RealCli.run(args);
    }
}
