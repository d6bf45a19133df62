package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.cli.RealCli;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * A crawl onto a small real file system (a 100 MB tmpfs, mounted where the test may) that fills up: the crawl stops
 * with "disk full", its run FAILED and its frontier kept, and reading the archive still works and ends.
 */
class DiskFullCrawlTest {

    private static final int DOCUMENTS = 16;
    private static final int SIZE = 6 << 20;

    @TempDir
    Path dir;
    private Path disk;
    private boolean mounted;

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", disk.toString());
        }
    }

    @Test
    void aCrawlThatFillsItsDiskStopsCleanlyAndTheArchiveStaysReadable() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=100m", "tmpfs", disk.toString()) == 0;
        Assumptions.assumeTrue(mounted, "needs to mount a small tmpfs (root)");
        Path data = disk.resolve("data");
        byte[] pdf = new byte[SIZE];
        new Random(9).nextBytes(pdf); // incompressible
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        try (MockWebServer portal = new MockWebServer()) {
            portal.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getTarget().equals("/")) {
                        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("<html>"
                                + IntStream.range(0, DOCUMENTS).mapToObj(i -> "<a href=\"/" + i + ".pdf\">年报" + i + "</a>").collect(Collectors.joining())
                                + "</html>").build();
                    }
                    if (request.getTarget().endsWith(".pdf")) {
                        byte[] body = pdf.clone();
                        body[100] = (byte) request.getTarget().hashCode(); // each its own bytes
                        return new MockResponse.Builder().addHeader("Content-Type", "application/pdf").body(new Buffer().write(body)).build();
                    }
                    return new MockResponse.Builder().code(404).build();
                }
            });
            portal.start(InetAddress.getLoopbackAddress(), 0);
            Site site = new Site("p", "p", List.of(URI.create("http://127.0.0.1:" + portal.getPort() + "/")), List.of("127.0.0.1"),
                    Duration.ZERO, 3, 100, 64 << 20, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
            Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                    Duration.ofMillis(20)), ResolveOverrides.none(), Duration.ofMinutes(1));
            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty())); TextExtractor extractor = new TextExtractor()) {
                assertThatThrownBy(() -> new Crawl(archive, data, extractor, new PrintStream(new ByteArrayOutputStream())).run(List.of(site), options))
                        .isInstanceOf(ArchiveException.class).hasMessageContaining("disk full").hasMessageContaining("run the same crawl to continue it");
                assertThat(archive.runs().all()).singleElement().extracting(CrawlRun::status).isEqualTo(CrawlRun.Status.FAILED);
            }
            assertThat(data.resolve("frontier")).exists();
        }
        assertThat(RealCli.run("list", "--data", data.toString()).status()).isZero();
        // Whole originals; a text the full disk kept from being written is reported (1), for the continued run to extract.
        assertThat(RealCli.run("check", "--data", data.toString()).status()).isIn(0, 1);
    }
}
