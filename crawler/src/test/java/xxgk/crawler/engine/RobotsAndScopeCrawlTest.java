package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.SiteTally;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/** robots.txt and scope over real loopback servers: what is requested, when, and what is archived and shown. */
class RobotsAndScopeCrawlTest {

    @TempDir
    Path dir;
    private final List<MockWebServer> servers = new java.util.ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private MockWebServer serve(Function<String, MockResponse> answer, Map<String, Long> requestedAt) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requestedAt.putIfAbsent(request.getTarget(), System.nanoTime());
                return answer.apply(request.getTarget());
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        servers.add(server);
        return server;
    }

    private static MockResponse html(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("<html><body>" + body + "</body></html>").build();
    }

    private static MockResponse status(int code, String location) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body("");
        return location == null ? b.build() : b.addHeader("Location", location).build();
    }

    private static Site site(String id, MockWebServer server, String... paths) {
        return site(id, "127.0.0.1", server, paths);
    }

    private static Site site(String id, String host, MockWebServer server, String... paths) {
        List<URI> seeds = java.util.Arrays.stream(paths).map(p -> URI.create("http://" + host + ":" + server.getPort() + p)).toList();
        return new Site(id, id, seeds, List.of(host), Duration.ZERO, 5, 100, 1 << 20, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
    }

    /** Sites named by host name reach their servers on loopback, as with curl's --resolve. */
    private CrawlRun crawl(Archive archive, int threads, Site... sites) {
        List<String> resolve = java.util.Arrays.stream(sites).flatMap(s -> s.seeds().stream())
                .filter(u -> !u.getHost().equals("127.0.0.1")).map(u -> u.getHost() + ":" + u.getPort() + ":127.0.0.1").distinct().toList();
        Crawl.Options options = new Crawl.Options(threads, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                Duration.ofMillis(20)), ResolveOverrides.parse(resolve), Duration.ofSeconds(30));
        try (TextExtractor extractor = new TextExtractor()) {
            return new Crawl(archive, dir, extractor, new PrintStream(console, true, StandardCharsets.UTF_8)).run(List.of(sites), options);
        }
    }

    @AfterEach
    void close() throws IOException {
        for (MockWebServer s : servers) {
            s.close();
        }
    }

    @Test
    void robotsTxtAndPagesRedirectingToAnotherPortOfTheSameHostAreNeitherFollowedNorArchived() throws IOException {
        Map<String, Long> offScope = new ConcurrentHashMap<>();
        MockWebServer other = serve(t -> html("SECRET-OF-THE-OTHER-PORT Disallow: /"), offScope);
        String elsewhere = "http://127.0.0.1:" + other.getPort();
        MockWebServer portal = serve(t -> switch (t) {
            case "/robots.txt" -> status(301, elsewhere + "/robots.txt");
            case "/" -> html("<a href=\"/a.html\">年报</a> <a href=\"" + elsewhere + "/b.html\">年报</a>");
            case "/moved" -> status(302, elsewhere + "/c.html");
            case "/a.html" -> html("年报");
            default -> status(404, null);
        }, new ConcurrentHashMap<>());
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CrawlRun run;
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            try {
                run = crawl(archive, 1, site("p", portal, "/", "/moved"));
            } finally {
                System.setErr(err);
            }
            assertThat(archive.captures().latestPerUrl(Optional.of("p")).stream().map(Capture::url))
                    .contains("http://127.0.0.1:" + portal.getPort() + "/a.html")
                    .noneMatch(u -> u.contains(":" + other.getPort()));
        }
        assertThat(offScope).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8) + console.toString(StandardCharsets.UTF_8)).doesNotContain("SECRET");
        assertThat(run.problems()).anySatisfy(p -> assertThat(p.problem()).contains("robots.txt").contains("outside"))
                .noneSatisfy(p -> assertThat(p.problem()).contains("SECRET"));
    }

    @Test
    void aMissingRobotsTxtIsNoRulesNotAnError() throws IOException {
        MockWebServer portal = serve(t -> t.equals("/") ? html("年报") : status(404, null), new ConcurrentHashMap<>());
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            CrawlRun run = crawl(archive, 1, site("p", portal, "/"));
            SiteTally tally = run.tallies().get(0);
            assertThat(tally.pages()).isEqualTo(2);
            assertThat(tally.errors()).isZero();
        }
    }

    @Test
    void crawlDelayIsKeptBetweenRobotsTxtAndTheFirstPage() throws IOException {
        Map<String, Long> at = new ConcurrentHashMap<>();
        MockWebServer portal = serve(t -> switch (t) {
            case "/robots.txt" -> new MockResponse.Builder().body("User-agent: *\nCrawl-delay: 1\n").build();
            case "/" -> html("年报");
            default -> status(404, null);
        }, at);
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            crawl(archive, 1, site("p", portal, "/"));
        }
        assertThat(Duration.ofNanos(at.get("/") - at.get("/robots.txt"))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aHostWhoseRobotsTxtHangsDoesNotHoldUpOtherSites() throws IOException {
        CountDownLatch quickSiteDone = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Boolean> quickDoneWhileSlowWaited = new java.util.concurrent.atomic.AtomicReference<>();
        MockWebServer slow = serve(t -> {
            if (t.equals("/robots.txt")) {
                try {
                    // well within the read timeout, so that the first request decides
                    quickDoneWhileSlowWaited.compareAndSet(null, quickSiteDone.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return status(404, null);
            }
            return html("年报");
        }, new ConcurrentHashMap<>());
        MockWebServer quick = serve(t -> {
            if (t.equals("/last.html")) {
                quickSiteDone.countDown();
            }
            return t.equals("/") ? html("<a href=\"/last.html\">年报</a>") : t.equals("/last.html") ? html("年报") : status(404, null);
        }, new ConcurrentHashMap<>());
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            crawl(archive, 2, site("slow", "www.slow.gov.cn", slow, "/"), site("quick", "www.quick.gov.cn", quick, "/"));
        }
        assertThat(quickDoneWhileSlowWaited.get()).isTrue();
    }
}
