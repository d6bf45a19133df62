package xxgk.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.text.Extraction;

/** A text larger than a MongoDB document may hold is stored cut and flagged, never lost to a BSON size error. */
class TextStoreLimitTest {

    @TempDir
    Path dir;

    @Test
    void aThirtyMegabyteTextIsKeptTruncatedAndFlagged() {
        String text = "政府信息公开工作年度报告".repeat(1_000_000); // 12 M characters, 36 MB of UTF-8
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            archive.texts().put("big", new Extraction("text/html", Optional.of("UTF-8"), text, Extraction.Status.OK, Optional.empty(), "tika"));
            Extraction stored = archive.texts().get("big").orElseThrow();
            assertThat(stored.status()).isEqualTo(Extraction.Status.TRUNCATED);
            assertThat(stored.problem()).hasValueSatisfying(p -> assertThat(p).contains("cut to its first 8 MB"));
            byte[] kept = stored.text().getBytes(StandardCharsets.UTF_8);
            assertThat(kept.length).isBetween(TextStore.MAX_TEXT_BYTES - 3, TextStore.MAX_TEXT_BYTES);
            assertThat(text).startsWith(stored.text());
        }
    }
}
