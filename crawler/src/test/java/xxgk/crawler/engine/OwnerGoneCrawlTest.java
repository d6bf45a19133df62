package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
 * A crawl that joined another process's embedded archive, when that process is killed: the crawl stops at once with
 * one clear message instead of fetching what it cannot store, and the next crawl continues the run to its end.
 */
class OwnerGoneCrawlTest {

    private static final int PAGES = 30;

    @TempDir
    Path dir;

    @Test
    void aCrawlWhoseArchiveOwnerDiesStopsFailedAndIsContinuedLater() throws Exception {
        Path data = dir.resolve("data");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArchiveHolder.class.getName(), data.toString(), "owner")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader ownerSays = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        assertThat(ownerSays.readLine()).isEqualTo("ready");

        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch ownerDead = new CountDownLatch(1);
        Set<String> requested = ConcurrentHashMap.newKeySet();
        try (MockWebServer portal = new MockWebServer()) {
            portal.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    requested.add(request.getTarget());
                    if (request.getTarget().equals("/p3.html")) {
                        midway.countDown();
                        try {
                            ownerDead.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    String body = request.getTarget().equals("/")
                            ? IntStream.range(0, PAGES).mapToObj(i -> "<a href=\"/p" + i + ".html\">年报" + i + "</a>").collect(Collectors.joining())
                            : "年报";
                    return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("<html>" + body + "</html>").build();
                }
            });
            portal.start(InetAddress.getLoopbackAddress(), 0);
            Site site = new Site("p", "p", List.of(URI.create("http://127.0.0.1:" + portal.getPort() + "/")), List.of("127.0.0.1"),
                    Duration.ZERO, 3, 100, 1 << 20, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
            Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                    Duration.ofMillis(20)), ResolveOverrides.none(), Duration.ofMinutes(1));

            ByteArrayOutputStream console = new ByteArrayOutputStream();
            try (Archive joined = Archive.open(new ArchiveLocation(data, Optional.empty())); TextExtractor extractor = new TextExtractor()) {
                CompletableFuture<CrawlRun> crawl = CompletableFuture.supplyAsync(
                        () -> new Crawl(joined, data, extractor, new PrintStream(console, true, StandardCharsets.UTF_8)).run(List.of(site), options));
                assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();
                owner.destroyForcibly();
                assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
                ownerDead.countDown();

                assertThat(crawl).failsWithin(Duration.ofSeconds(90)).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOf(ArchiveException.class).withMessageContaining("could not be archived")
                        .withMessageContaining("run the same crawl to continue it");
            }
            assertThat(requested).as("pages fetched after the archive was gone").hasSizeLessThan(8);
            assertThat(data.resolve("frontier")).exists();

            try (Archive owned = Archive.open(new ArchiveLocation(data, Optional.empty())); TextExtractor extractor = new TextExtractor()) {
                CrawlRun continued = new Crawl(owned, data, extractor, new PrintStream(new ByteArrayOutputStream())).run(List.of(site), options);
                assertThat(continued.status()).isEqualTo(CrawlRun.Status.FINISHED);
                assertThat(owned.captures().latestPerUrl(Optional.of("p")).stream().map(Capture::url))
                        .hasSize(PAGES + 2).contains("http://127.0.0.1:" + portal.getPort() + "/p3.html");
            }
        }
    }
}
