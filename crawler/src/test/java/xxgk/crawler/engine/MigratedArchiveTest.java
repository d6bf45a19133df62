package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.catalog.Report;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.TextExtractor;
import xxgk.crawler.demo.SamplePortal;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * Archives written by earlier releases (their {@code xxgk demo}, kept in test resources) open in this one: migrated
 * in place, once, saying so, step by step from xxgk 0.1.0's (format 1), from the last format-2 release's and from the
 * last format-3 release's (two demo crawls, the second finding a report corrected); their originals read back byte for
 * byte, their reports keep their ids, and a second crawl works.
 */
class MigratedArchiveTest {

    private static final String RELEASE = "archives/xxgk-0.1.0-demo";
    private static final String FORMAT_2 = "archives/xxgk-fmt2-demo";
    private static final String FORMAT_3 = "archives/xxgk-fmt3-demo";
    private static final String FORMAT_4 = "archive migrated to format 4: 40 URLs listed apart from their history; documents are stored as BSON as they are written";

    @TempDir
    Path dir;

    @Test
    void anArchiveOfThePreviousReleaseIsMigratedOnceAndCrawledAgain() throws Exception {
        Path data = unpack(RELEASE);
        int port = Integer.parseInt(new String(resource(RELEASE + ".port").readAllBytes(), StandardCharsets.UTF_8).strip());

        List<String> idsBefore;
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.migrations()).hasSize(3);
            assertThat(archive.migrations().get(0)).startsWith("archive migrated to format 2")
                    .contains("40 captures marked as responses").contains("5 reports");
            assertThat(archive.migrations().get(1)).startsWith("archive migrated to format 3").contains("originals moved out of GridFS");
            assertThat(archive.migrations().get(2)).isEqualTo(FORMAT_4);
            assertOriginalsIntact(archive);
            assertThat(archive.captures().latestPerUrl(Optional.empty())).hasSize(40).noneMatch(Capture::revisit);
            List<Report> reports = archive.catalog().reports(Optional.empty(), OptionalInt.empty());
            assertThat(reports).hasSize(5).allMatch(r -> r.status() == Report.Status.CURRENT);
            idsBefore = reports.stream().map(Report::id).sorted().toList();
        }
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
             SamplePortal portal = SamplePortal.start(port);
             TextExtractor extractor = new TextExtractor()) {
            assertThat(archive.migrations()).as("migrated once").isEmpty();
            assertThat(portal.port()).as("the archived URLs name port %d; it must be free for this test", port).isEqualTo(port);
            Crawl.Options options = new Crawl.Options(2, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                    Duration.ofMillis(50)), ResolveOverrides.parse(portal.resolveSpecs()), Duration.ofMinutes(1));
            CrawlRun again = new Crawl(archive, data, extractor, new PrintStream(new ByteArrayOutputStream()))
                    .run(portal.sites(Duration.ofMillis(10)), options);

            assertThat(again.status()).isEqualTo(CrawlRun.Status.FINISHED);
            // The sample portal sends no validators, so the pages came again: identical bytes are revisits.
            List<Capture> latest = archive.captures().latestPerUrl(Optional.empty());
            assertThat(latest.stream().filter(Capture::revisit)).hasSizeGreaterThan(30);
            assertThat(latest.stream().filter(c -> c.run().equals(again.id()))).hasSizeGreaterThan(35);
            List<Report> reports = archive.catalog().reports(Optional.empty(), OptionalInt.empty());
            assertThat(reports.stream().map(Report::id).sorted().toList()).isEqualTo(idsBefore);
            assertThat(reports).allMatch(r -> r.status() == Report.Status.CURRENT && !r.versions().isEmpty());
            assertThat(archive.catalog().changes().ofRun(again.id())).as("nothing changed on the portal").isEmpty();
        }
    }

    @Test
    void anArchiveOfFormat2HasItsOriginalsMovedOutOfGridFsIntact() throws Exception {
        Path data = unpack(FORMAT_2);
        List<String> latestBefore;
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.migrations()).containsExactly(
                    "archive migrated to format 3: 40 originals moved out of GridFS, 40 URLs given their latest capture", FORMAT_4);
            assertOriginalsIntact(archive);
            latestBefore = archive.captures().latestPerUrl(Optional.empty()).stream().map(c -> c.url() + " " + c.sha256()).toList();
            assertThat(latestBefore).hasSize(40);
            assertThat(archive.catalog().reports(Optional.empty(), OptionalInt.empty())).hasSize(5);
        }
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.migrations()).as("migrated once").isEmpty();
            assertThat(archive.captures().latestPerUrl(Optional.empty()).stream().map(c -> c.url() + " " + c.sha256()).toList())
                    .isEqualTo(latestBefore);
        }
    }

    @Test
    void anArchiveOfFormat3HasItsDocumentsStoredAsBsonAndReadsAsBefore() throws Exception {
        Path data = unpack(FORMAT_3);
        List<String> latestBefore;
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.migrations()).containsExactly(FORMAT_4);
            assertOriginalsIntact(archive);
            List<Capture> latest = archive.captures().latestPerUrl(Optional.empty());
            assertThat(latest).hasSize(40).anyMatch(Capture::revisit);
            String corrected = "http://ngqxxgk.harbin.gov.cn:41121/art/2022/1/25/art_126585_1156238.html";
            assertThat(archive.captures().history(corrected)).hasSize(2).extracting(Capture::sha256).doesNotHaveDuplicates();
            assertThat(archive.catalog().reports(Optional.empty(), OptionalInt.empty())).hasSize(5);
            assertThat(archive.catalog().changes().since(Optional.empty(), Optional.empty())).extracting(c -> c.kind().name())
                    .containsOnly("NEW", "CHANGED").hasSize(6);
            assertThat(archive.runs().all()).hasSize(2).allMatch(r -> r.status() == CrawlRun.Status.FINISHED);
            latestBefore = latest.stream().map(c -> c.url() + " " + c.sha256() + " " + c.fetchedAt() + " " + c.headers()).toList();
        }
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.migrations()).as("migrated once").isEmpty();
            assertThat(archive.captures().latestPerUrl(Optional.empty()).stream()
                    .map(c -> c.url() + " " + c.sha256() + " " + c.fetchedAt() + " " + c.headers()).toList()).isEqualTo(latestBefore);
        }
    }

    /** Every capture's original reads back and hashes to the capture's SHA-256. */
    private static void assertOriginalsIntact(Archive archive) {
        List<String> damaged = new ArrayList<>();
        int[] read = {0};
        archive.captures().forEach(Optional.empty(), c -> {
            try (InputStream in = archive.blobs().open(c.sha256())) {
                if (!Sha256.of(in.readAllBytes()).equals(c.sha256())) {
                    damaged.add(c.url());
                }
                read[0]++;
            } catch (IOException e) {
                damaged.add(c.url() + ": " + e.getMessage());
            }
        });
        assertThat(damaged).isEmpty();
        assertThat(read[0]).isGreaterThan(30);
    }

    private Path unpack(String archive) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (InputStream in = new GZIPInputStream(resource(archive + ".mv.gz"))) {
            Files.copy(in, data.resolve("archive.mv"));
        }
        return data;
    }

    private static InputStream resource(String name) {
        InputStream in = MigratedArchiveTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
