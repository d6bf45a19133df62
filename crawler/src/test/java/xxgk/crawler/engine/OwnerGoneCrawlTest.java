package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.ArchiveHolder;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * A crawl that joined another process's embedded archive, when that process goes away in the middle of it: a short
 * command that is done leaves at once and the crawl takes the archive over; an owner killed is taken over too, and
 * what its death lost (or a write under way then that failed again when retried) is fetched again by the same crawl.
 */
class OwnerGoneCrawlTest {

    private static final int PAGES = 30;

    @TempDir
    Path dir;
    private Path data;
    private Process owner;
    private BufferedReader ownerSays;
    private HeldPortal portal;
    private Site site;
    private final Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
            Duration.ofMillis(20)), ResolveOverrides.none(), Duration.ofMinutes(1));

    @BeforeEach
    void ownerAndPortal() throws IOException {
        data = dir.resolve("data");
        owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArchiveHolder.class.getName(), data.toString(), "owner")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ownerSays = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        assertThat(ownerSays.readLine()).isEqualTo("ready");

        portal = new HeldPortal(PAGES);
        site = new Site("p", "p", List.of(URI.create("http://127.0.0.1:" + portal.port() + "/")), List.of("127.0.0.1"),
                Duration.ZERO, 3, 100, 1 << 20, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
    }

    @AfterEach
    void close() throws IOException {
        owner.destroyForcibly();
        portal.close();
    }

    @Test
    void aShortCommandThatOwnsTheArchiveLeavesAtOnceAndTheCrawlGoesOnToItsEnd() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Archive joined = Archive.open(new ArchiveLocation(data, Optional.empty())); TextExtractor extractor = new TextExtractor()) {
            CompletableFuture<CrawlRun> crawl = CompletableFuture.supplyAsync(
                    () -> new Crawl(joined, data, extractor, new PrintStream(console, true, StandardCharsets.UTF_8)).run(List.of(site), options));
            assertThat(portal.midway()).isTrue();

            Writer done = new OutputStreamWriter(owner.getOutputStream(), StandardCharsets.UTF_8);
            done.write("done\n");
            done.flush();
            // The short command does not wait for the crawl, which is still under way.
            assertThat(CompletableFuture.supplyAsync(this::ownerLine)).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("closed");
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(owner.exitValue()).isZero();
            assertThat(crawl).isNotDone();
            portal.goOn();

            CrawlRun run = crawl.get(120, TimeUnit.SECONDS);
            assertThat(run.status()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(CrawlRun.Status.FINISHED);
            assertThat(run.tallies()).singleElement().satisfies(t -> assertThat(t.errors()).isZero());
        }
        assertEverythingStored();
    }

    @Test
    void aCrawlWhoseArchiveOwnerIsKilledTakesTheArchiveOverAndLosesNothing() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Archive joined = Archive.open(new ArchiveLocation(data, Optional.empty())); TextExtractor extractor = new TextExtractor()) {
            CompletableFuture<CrawlRun> crawl = CompletableFuture.supplyAsync(
                    () -> new Crawl(joined, data, extractor, new PrintStream(console, true, StandardCharsets.UTF_8)).run(List.of(site), options));
            assertThat(portal.midway()).isTrue();
            owner.destroyForcibly();
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            portal.goOn();

            try {
                assertThat(crawl.get(120, TimeUnit.SECONDS).status()).isEqualTo(CrawlRun.Status.FINISHED);
            } catch (ExecutionException e) {
                // The killed server had not written out its last second, or a write under way when it died failed
                // again when retried: the run says so, and the same crawl fetches what is missing.
                assertThat(e.getCause()).isInstanceOf(ArchiveException.class).hasMessageContaining("run the same crawl")
                        .satisfiesAnyOf(lost -> assertThat(lost).hasMessageContaining("lost the last"),
                                failed -> assertThat(failed).hasMessageContaining("could not be archived"));
                assertThat(data.resolve("frontier")).exists();
                CrawlRun continued = new Crawl(joined, data, extractor, new PrintStream(console, true, StandardCharsets.UTF_8))
                        .run(List.of(site), options);
                assertThat(continued.status()).isEqualTo(CrawlRun.Status.FINISHED);
            }
        }
        assertEverythingStored();
    }

    private void assertEverythingStored() {
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.captures().latestPerUrl(Optional.of("p")).stream().map(Capture::url))
                    .hasSize(PAGES + 2).contains("http://127.0.0.1:" + portal.port() + "/p3.html");
            assertThat(archive.runs().all()).singleElement().extracting(CrawlRun::status).isEqualTo(CrawlRun.Status.FINISHED);
        }
    }

    private String ownerLine() {
        try {
            return ownerSays.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
