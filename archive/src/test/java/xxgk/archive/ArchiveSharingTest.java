package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.store.Sha256;

/** Two xxgk processes on one data directory: the second joins the first's embedded server, and both work. */
class ArchiveSharingTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessJoinsTheOwnersServerAndTheOwnerWaitsForIt() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArchiveHolder.class.getName(), dir.toString(), "from the other process")
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");

        try (Archive joined = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            String theirs = Sha256.of("from the other process".getBytes(StandardCharsets.UTF_8));
            assertThat(joined.blobs().contains(theirs)).isTrue();
            try (var in = joined.blobs().open(theirs)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("from the other process");
            }
            Writer w = new OutputStreamWriter(owner.getOutputStream(), StandardCharsets.UTF_8);
            w.write("done\n");
            w.flush();
            // The owner now says it waits for us before shutting its server down, and does: we can still read.
            BufferedReader err = new BufferedReader(new InputStreamReader(owner.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = err.readLine();
            } while (line != null && !line.startsWith("xxgk: waiting for the other xxgk processes"));
            assertThat(line).as("the owner's message that it waits").isNotNull();
            assertThat(joined.blobs().contains(theirs)).isTrue();
            assertThat(out.ready()).as("the owner has not closed yet").isFalse();
        }
        assertThat(out.readLine()).isEqualTo("closed");
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(owner.exitValue()).isZero();

        // The data survived both processes and the next opener becomes the owner.
        try (Archive again = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            assertThat(again.blobs().contains(Sha256.of("from the other process".getBytes(StandardCharsets.UTF_8)))).isTrue();
        }
    }
}
