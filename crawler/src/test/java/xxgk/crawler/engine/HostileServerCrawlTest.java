package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.Extraction;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/** Servers that misbehave on purpose: a page dripped a byte at a time, a 30 MB page. The crawl stays bounded and loses nothing. */
class HostileServerCrawlTest {

    @TempDir
    Path dir;
    private MockWebServer server;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    private CrawlRun crawl(Archive archive, Dispatcher dispatcher, int threads, Duration requestTimeout) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.start(InetAddress.getLoopbackAddress(), 0);
        Site site = new Site("h", "h", List.of(URI.create("http://127.0.0.1:" + server.getPort() + "/")), List.of("127.0.0.1"),
                Duration.ZERO, 5, 100, 64 << 20, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
        Crawl.Options options = new Crawl.Options(threads, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                requestTimeout, 2, Duration.ofMillis(20)), ResolveOverrides.none(), Duration.ofSeconds(30));
        try (TextExtractor extractor = new TextExtractor()) {
            return new Crawl(archive, dir, extractor, new PrintStream(new ByteArrayOutputStream())).run(List.of(site), options);
        }
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private static MockResponse html(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("<html><body>" + body + "</body></html>").build();
    }

    @Test
    void aDrippingPageIsCutOffAndTheURLsQueuedBehindItOnItsHostAreStillFetched() throws IOException {
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requested.add(request.getTarget());
                return switch (request.getTarget()) {
                    case "/" -> html("<a href=\"/drip.html\">年报</a><a href=\"/a.html\">年报</a><a href=\"/b.html\">年报</a>");
                    case "/drip.html" -> new MockResponse.Builder().addHeader("Content-Type", "text/html")
                            .body(new Buffer().write(new byte[2000])).throttleBody(1, 20, TimeUnit.MILLISECONDS).build();
                    case "/a.html", "/b.html" -> html("年报");
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        };
        long started = System.nanoTime();
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            // Three threads, one host: two URLs wait for the dripping one's turn longer than a request may take.
            CrawlRun run = crawl(archive, dispatcher, 3, Duration.ofSeconds(3));
            assertThat(requested).contains("/a.html", "/b.html");
            assertThat(run.problems()).anySatisfy(p -> assertThat(p.url()).endsWith("/drip.html"));
            assertThat(run.tallies().get(0).errors()).isEqualTo(1);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aRedirectToNowhereIsArchivedAndNotedInTheRunsProblems() throws IOException {
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getTarget()) {
                    case "/" -> html("<a href=\"/moved.html\">年报</a><a href=\"/mailto.html\">年报</a>");
                    case "/moved.html" -> new MockResponse.Builder().code(302).build();
                    case "/mailto.html" -> new MockResponse.Builder().code(301).addHeader("Location", "mailto:xxgk@example.org").build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        };
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            CrawlRun run = crawl(archive, dispatcher, 1, HttpFetcher.Settings.defaults().requestTimeout());
            for (String page : List.of("/moved.html", "/mailto.html")) {
                assertThat(archive.captures().latest("http://127.0.0.1:" + server.getPort() + page)).isPresent();
                assertThat(run.problems()).as(page).anySatisfy(p -> {
                    assertThat(p.url()).endsWith(page);
                    assertThat(p.problem()).startsWith("a redirect to nowhere");
                });
            }
        }
    }

    @Test
    void aThirtyMegabytePageKeepsItsLinksAndATruncatedText() throws IOException {
        String filler = "<p>政府信息公开工作年度报告</p>\n".repeat(1_200_000);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requested.add(request.getTarget());
                return switch (request.getTarget()) {
                    case "/" -> html(filler + "<a href=\"/after.html\">年报</a>");
                    case "/after.html" -> html("年报");
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        };
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            CrawlRun run = crawl(archive, dispatcher, 1, HttpFetcher.Settings.defaults().requestTimeout());
            assertThat(requested).contains("/after.html");
            Capture page = archive.captures().latest("http://127.0.0.1:" + server.getPort() + "/").orElseThrow();
            assertThat(page.size()).isGreaterThan(30L << 20);
            assertThat(archive.texts().get(page.sha256()).orElseThrow().status()).isEqualTo(Extraction.Status.TRUNCATED);
            assertThat(run.problems()).anySatisfy(p -> assertThat(p.problem()).contains("TRUNCATED"));
            assertThat(run.tallies().get(0).errors()).isZero();
        }
    }
}
