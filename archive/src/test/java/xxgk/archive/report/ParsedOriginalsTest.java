package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Sha256;
import xxgk.archive.store.StoredParse;

/** Archived originals are parsed and stored with the parser version, and redone when it changes; a broken one is stored with its problem. */
class ParsedOriginalsTest {

    @TempDir
    Path dir;
    Archive archive;
    ParsedOriginals parsed;

    @BeforeEach
    void open() {
        archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()));
        parsed = new ParsedOriginals(archive.blobs(), archive.parses(), Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        parsed.close();
        archive.close();
    }

    private String archiveBytes(byte[] bytes) throws IOException {
        String sha = Sha256.of(bytes);
        archive.blobs().put(Files.write(Files.createTempFile(dir, "original", ".bin"), bytes), sha, bytes.length);
        return sha;
    }

    private static byte[] seed(String stem) throws IOException {
        try (InputStream in = ParsedOriginalsTest.class.getResourceAsStream("/reports/" + stem + ".txt")) {
            return in.readAllBytes();
        }
    }

    @Test
    void anArchivedReportIsParsedAndStoredWithTheParserVersion() throws IOException {
        String sha = archiveBytes(seed("001_d601352be8b8720b"));

        assertThat(parsed.parsed(sha)).isFalse();
        StoredParse first = parsed.reparse(sha, "001.txt");

        assertThat(first.parserVersion()).isEqualTo(ReportParser.VERSION);
        assertThat(first.problem()).isEmpty();
        assertThat(new ObjectMapper().readTree(first.result().orElseThrow()).at("/tables/table3/1").toString())
                .isEqualTo("[37,0,0,1,0,0,38]");
        assertThat(ReportJson.cellsFromJson(first.cells().orElseThrow())).containsEntry("t3_1_总计", new BigDecimal(38))
                .containsEntry("t2_行政事业性收费_1", new BigDecimal("4591.36"));
        assertThat(first.cellCount()).isEqualTo(ReportJson.cellsFromJson(first.cells().orElseThrow()).size());
        assertThat(archive.parses().get(sha)).contains(first);
        assertThat(parsed.parsed(sha)).isTrue();
    }

    @Test
    void aParseByAnOlderParserVersionCountsAsNotParsed() throws IOException {
        String sha = archiveBytes(seed("003_41ae5f6dd78fef43"));
        StoredParse first = parsed.reparse(sha, "003.txt");
        assertThat(parsed.parsed(sha)).isTrue();

        archive.parses().put(new StoredParse(sha, "0", first.parsedAt(), Optional.empty(), Optional.empty(), 0, Optional.of("old")));
        assertThat(parsed.parsed(sha)).isFalse();
        StoredParse redone = parsed.reparse(sha, "003.txt");
        assertThat(redone.parserVersion()).isEqualTo(ReportParser.VERSION);
        assertThat(redone.cellCount()).isEqualTo(first.cellCount());
        assertThat(parsed.parsed(sha)).isTrue();
    }

    @Test
    void anArchivedPdfIsParsedFromItsBytes() throws IOException {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/reports/generated/002_53e32c99ac2f321c.pdf")) {
            pdf = in.readAllBytes();
        }
        StoredParse parse = parsed.reparse(archiveBytes(pdf), "report.pdf");

        assertThat(parse.problem()).isEmpty();
        assertThat(parse.cellCount()).isGreaterThan(100);
    }

    @Test
    void aTruncatedPdfIsStoredWithItsProblemAndNothingThrows() throws IOException {
        byte[] truncated = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sha = archiveBytes(truncated);

        StoredParse parse = parsed.reparse(sha, "broken.pdf");

        assertThat(parse.cellCount()).isZero();
        assertThat(parse.problem()).isPresent();
        assertThat(archive.parses().get(sha)).isPresent();
    }
}
