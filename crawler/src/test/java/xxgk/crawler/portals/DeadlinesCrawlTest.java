package xxgk.crawler.portals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.catalog.Report;
import xxgk.crawler.cli.RealCli;

/**
 * End to end on {@link DeadlinesPortal}: one crawl, then {@code xxgk deadlines} as a supervisor runs it, and the
 * catalogue's metadata it rests on.
 */
class DeadlinesCrawlTest {

    @TempDir
    static Path dir;
    static FixturePortals portals;
    static Archive archive;

    @BeforeAll
    static void crawl() throws IOException {
        portals = FixturePortals.start(base -> List.of(new DeadlinesPortal(base.apply(DeadlinesPortal.HOST))));
        archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
        FixtureCrawl.runQuietly(portals, archive, dir);
    }

    @AfterAll
    static void close() {
        archive.close();
        portals.close();
    }

    private static RealCli.Result xxgk(String... args) {
        return RealCli.run(args);
    }

    private static List<JsonNode> json(String... args) throws IOException {
        RealCli.Result result = xxgk(args);
        assertThat(result.status()).as(result.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : result.text().strip().split("\n")) {
            rows.add(new ObjectMapper().readTree(line));
        }
        return rows;
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    @Test
    void aGovernmentHasUntilMarchADepartmentUntilJanuaryAndAnAbsentReportIsMissing() throws IOException {
        List<JsonNode> rows = json("deadlines", "--year", "2021", "--site", DeadlinesPortal.SITE, "--json", "--data", dir.toString());

        assertThat(rows).allSatisfy(r -> assertThat(r.fieldNames()).toIterable().containsExactly("agency", "site", "year", "status",
                "deadline", "published", "published_source", "report")).allSatisfy(r -> assertThat(r.get("year").asInt()).isEqualTo(2021));
        assertThat(rows).extracting(r -> r.get("agency").asText(), r -> r.get("status").asText(), r -> r.get("deadline").asText(),
                r -> text(r.get("published")), r -> text(r.get("published_source"))).containsExactlyInAnyOrder(
                        tuple(DeadlinesPortal.CITY, "on_time", "2022-03-31", "2022-03-05", "page"),
                        tuple(DeadlinesPortal.ENVIRONMENT, "on_time", "2022-01-31", "2022-01-28", "page"),
                        // the date only in the line under the title
                        tuple(DeadlinesPortal.FINANCE, "late", "2022-01-31", "2022-02-05", "page"),
                        // the date only beside the PDF's link on the list
                        tuple(DeadlinesPortal.EDUCATION, "late", "2022-01-31", "2022-02-08", "list"),
                        tuple(DeadlinesPortal.DONGAN, "late", "2022-03-31", "2022-04-12", "page"),
                        tuple(DeadlinesPortal.JUSTICE, "missing", "2022-01-31", null, null),
                        tuple(DeadlinesPortal.YANGMING, "missing", "2022-03-31", null, null));
        assertThat(rows).extracting(r -> r.get("status").asText()).startsWith("late", "late", "late", "missing", "missing");
        assertThat(rows).filteredOn(r -> !r.get("status").asText().equals("missing"))
                .allSatisfy(r -> assertThat(r.get("report").asText()).startsWith(DeadlinesPortal.SITE + "/2021/"));
        assertThat(rows).filteredOn(r -> r.get("status").asText().equals("missing")).allSatisfy(r -> assertThat(r.get("report").isNull()).isTrue());
    }

    @Test
    void theTableShowsLateAndMissingFirstAndADeadlineGivenHoldsForAll() {
        RealCli.Result table = xxgk("deadlines", "--year", "2021", "--data", dir.toString());
        assertThat(table.status()).isZero();
        List<String> lines = List.of(table.text().strip().split("\n"));
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).startsWith("STATUS").contains("DEADLINE", "PUBLISHED", "AGENCY", "REPORT");
        assertThat(lines.subList(1, 8)).extracting(l -> l.split("\\s+")[0])
                .containsExactly("late", "late", "late", "missing", "missing", "on_time", "on_time");
        assertThat(lines).anyMatch(l -> l.startsWith("late") && l.contains("2022-02-08") && l.contains("list") && l.contains(DeadlinesPortal.EDUCATION));

        RealCli.Result february = xxgk("deadlines", "--year", "2021", "--deadline", "02-10", "--data", dir.toString());
        assertThat(february.text()).containsPattern("on_time +2022-02-10 +2022-02-05 .*" + DeadlinesPortal.FINANCE)
                .containsPattern("late +2022-02-10 +2022-03-05 .*" + DeadlinesPortal.CITY);
    }

    @Test
    void anUnknownSiteOrAMalformedDeadlineIsOneLineAndStatusOne() {
        RealCli.Result unknown = xxgk("deadlines", "--year", "2021", "--site", "nosuch", "--data", dir.toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("xxgk: no site 'nosuch' in the archive (it has: mdj)\n");
        assertThat(unknown.text()).isEmpty();

        RealCli.Result malformed = xxgk("deadlines", "--year", "2021", "--deadline", "3/31", "--data", dir.toString());
        assertThat(malformed.status()).isEqualTo(1);
        assertThat(malformed.err()).isEqualTo("xxgk: --deadline 3/31: not a month and day as MM-DD (e.g. 03-31)\n");
    }

    @Test
    void theCatalogueNamesWhoIsCoveredAndWhoPublished() {
        List<Report> reports = archive.catalog().reports(Optional.of(DeadlinesPortal.SITE), OptionalInt.of(2021));
        assertThat(reports).extracting(Report::agency, Report::publisher).contains(
                tuple(DeadlinesPortal.CITY, "牡丹江市人民政府办公室"),
                tuple(DeadlinesPortal.DONGAN, "牡丹江市东安区人民政府办公室"),
                tuple(DeadlinesPortal.FINANCE, ""),
                tuple(DeadlinesPortal.EDUCATION, ""));
    }

    @Test
    void theYearColumnIsNotAReportAndEveryReportIsRecognised() {
        assertThat(archive.captures().latest(portals.served().keySet().stream().filter(u -> u.endsWith(DeadlinesPortal.YEAR_COLUMN))
                .findFirst().orElseThrow())).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(200));
        List<RecognisedReport> recognised = Recognition.recognised(archive, List.of(DeadlinesPortal.SITE));
        RecognitionScore score = RecognitionScore.of(recognised, portals.reports());
        assertThat(score.wrong()).as("recognised, but no report").isEmpty();
        assertThat(score.missed()).as("reports not recognised").isEmpty();
    }
}
