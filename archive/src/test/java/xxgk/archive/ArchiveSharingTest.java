package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.store.Sha256;

/**
 * Two xxgk processes on one data directory: the second joins the first's embedded server; when the first is done
 * it hands the archive over at once instead of waiting, and the second, writing all the while, loses nothing.
 */
class ArchiveSharingTest {

    @TempDir
    Path dir;

    @Test
    void anOwnerThatIsDoneHandsTheArchiveOverToTheProcessStillUsingIt() throws Exception {
        Path data = dir.resolve("data");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArchiveHolder.class.getName(), data.toString(), "from the other process")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        String theirs = Sha256.of("from the other process".getBytes(StandardCharsets.UTF_8));

        List<String> written = new ArrayList<>();
        try (Archive joined = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(joined.blobs().contains(theirs)).isTrue();
            AtomicInteger until = new AtomicInteger(Integer.MAX_VALUE);
            CountDownLatch underWay = new CountDownLatch(20);
            // Writes and reads go on while the owner leaves: none may fail, none may be lost.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < until.get(); i++) {
                    byte[] bytes = ("blob " + i).getBytes(StandardCharsets.UTF_8);
                    try {
                        Path tmp = Files.write(dir.resolve("b" + i), bytes);
                        joined.blobs().put(tmp, Sha256.of(bytes), bytes.length);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    assertThat(joined.blobs().contains(theirs)).isTrue();
                    synchronized (written) {
                        written.add(Sha256.of(bytes));
                    }
                    underWay.countDown();
                }
            });
            assertThat(underWay.await(60, TimeUnit.SECONDS)).isTrue();
            Writer w = new OutputStreamWriter(owner.getOutputStream(), StandardCharsets.UTF_8);
            w.write("done\n");
            w.flush();
            // The owner closes at once: it does not wait for us.
            assertThat(CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("closed");
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(owner.exitValue()).isZero();
            synchronized (written) {
                until.set(written.size() + 20); // and twenty more after the owner has gone
            }
            writing.get(60, TimeUnit.SECONDS);
            try (var in = joined.blobs().open(theirs)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("from the other process");
            }
        }

        // Everything survived both processes, and the next opener owns the archive.
        try (Archive again = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(again.blobs().contains(theirs)).isTrue();
            assertThat(written).hasSizeGreaterThanOrEqualTo(40).allSatisfy(sha -> assertThat(again.blobs().contains(sha)).as(sha).isTrue());
        }
    }
}
