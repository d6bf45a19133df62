package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.crawler.cli.RealCli;

/** A run recorded as RUNNING is shown so only while a crawl holds its data directory; otherwise its process died. */
class InterruptedRunsTest {

    @TempDir
    Path dir;

    @Test
    void aRunningRunIsMarkedInterruptedOnlyOnceNoCrawlHoldsItsDataDirectory() {
        Path data = dir.resolve("data");
        String run;
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            run = archive.runs().start(List.of("hulan"), Instant.parse("2024-02-01T00:00:00Z"), CrawlLock.place(data));
        }
        try (CrawlLock crawling = CrawlLock.take(data).orElseThrow()) {
            assertThat(RealCli.run("runs", "--data", data.toString()).text()).contains(run + "  running");
        }
        Instant before = Instant.now();
        assertThat(RealCli.run("runs", "--data", data.toString()).text()).contains(run + "  interrupted while fetching");
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.runs().get(run).orElseThrow().interruptedAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before.minusMillis(1)));
        }
    }

    @Test
    void aRunOfAnotherDataDirectoryIsLeftAlone() {
        Path data = dir.resolve("data");
        String theirs;
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            theirs = archive.runs().start(List.of("hulan"), Instant.parse("2024-02-01T00:00:00Z"), "elsewhere:/srv/xxgk");
        }
        assertThat(RealCli.run("runs", "--data", data.toString()).text()).contains(theirs + "  running");
    }
}
