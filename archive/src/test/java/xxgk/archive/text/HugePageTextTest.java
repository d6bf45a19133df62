package xxgk.archive.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page longer than the HTML parser is given: the text of its first part, flagged, never the whole page in memory. */
class HugePageTextTest {

    @TempDir
    Path dir;

    @Test
    void aPageOverTheHtmlLimitHasTheTextOfItsFirstPartFlaggedTruncated() throws IOException {
        Path page = dir.resolve("huge.html");
        try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            w.write("<html><head><meta charset=\"utf-8\"></head><body><p>开头的段落</p>");
            for (long written = 0; written <= TextExtractor.HTML_LIMIT + (1 << 20); written += 12) {
                w.write("<p>x</p>\n<i></i>".substring(0, 12));
            }
            w.write("<p>结尾的段落</p></body></html>");
        }
        try (TextExtractor extractor = new TextExtractor()) {
            Extraction text = extractor.extract(page, "huge.html");
            assertThat(text.status()).isEqualTo(Extraction.Status.TRUNCATED);
            assertThat(text.problem()).hasValueSatisfying(p -> assertThat(p).contains("text of its first 16 MB"));
            assertThat(text.text()).contains("开头的段落").doesNotContain("结尾的段落");
        }
    }
}
