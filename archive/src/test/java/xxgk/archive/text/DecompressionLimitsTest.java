package xxgk.archive.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZIP bombs are stopped at the {@link Decompression} limits by text extraction and by the report parser alike,
 * in a JVM whose heap is far smaller than what the bombs expand to.
 */
class DecompressionLimitsTest {

    @TempDir
    Path dir;

    @Test
    void bombsAreFlaggedWithinASmallHeap() throws Exception {
        Path ratio = HostileDocuments.ratioBomb(dir.resolve("ratio.zip"), 400);
        Path nested = HostileDocuments.nestedZips(dir.resolve("nested.zip"), 6);
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), HostileDocuments.class.getName(), ratio.toString(), nested.toString())
                .redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        assertThat(reader.waitFor(5, TimeUnit.MINUTES)).isTrue();
        // The text of the ratio bomb may reach the text limit first: TRUNCATED is flagged too.
        assertThat(lines).as("its output").contains("nested.zip BOMB parsed").anyMatch(l -> l.matches("ratio.zip (BOMB|TRUNCATED) BOMB"));
        assertThat(reader.exitValue()).isZero();
    }
}
