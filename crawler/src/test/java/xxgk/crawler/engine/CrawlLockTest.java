package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.text.TextExtractor;
import xxgk.crawler.demo.SamplePortal;

/** A second crawl on a data directory whose crawl lock is held stops at once with a message, fetching nothing. */
class CrawlLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondCrawlOnOneDataDirectoryIsRefused() throws Exception {
        try (SamplePortal portal = SamplePortal.start();
             Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
             TextExtractor extractor = new TextExtractor();
             FileChannel channel = FileChannel.open(dir.resolve("crawl.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            Crawl second = new Crawl(archive, dir, extractor, new PrintStream(new ByteArrayOutputStream()));
            assertThatThrownBy(() -> second.run(portal.sites(Duration.ZERO), Crawl.Options.defaults()))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("another crawl is running on");
            assertThat(portal.requestCount()).isZero();
            assertThat(Files.exists(dir.resolve("frontier"))).isFalse();
        }
    }
}
