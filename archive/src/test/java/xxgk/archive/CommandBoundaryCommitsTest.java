package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandBoundaryCommitsTest {

    @TempDir
    Path dir;

    @Test
    void noChunkIsCompactedAwayWhileACommandReads() throws Exception {
        try (MVStore store = MVStore.open(dir.resolve("archive.mv").toString());
             CommandBoundaryCommits commits = new CommandBoundaryCommits(store)) {
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> commits.reading(() -> {
                reading.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            reading.await();
            assertThat(commits.compactUnlessReading()).as("a command reads").isFalse();
            done.countDown();
            read.get();
            assertThat(commits.compactUnlessReading()).isTrue();
        }
    }
}
