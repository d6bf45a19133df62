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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * Hosts, not threads, are scheduled: with a single worker, a quick host is crawled while a slow one (robots.txt
 * Crawl-delay) waits out its delay, and every host still sees one request at a time, spaced by its own delay — as
 * the servers recorded the requests on loopback.
 */
class HostScheduleCrawlTest {

    /** A request as its server saw it: what was asked and when (nanoTime). */
    private record Request(String target, long at) {}

    @TempDir
    Path dir;
    private final List<MockWebServer> servers = new ArrayList<>();

    /** A portal whose index links to pages 1..n, all saying 年报, so that focus follows them all alike. */
    private MockWebServer portal(String robots, int pages, List<Request> seen) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                seen.add(new Request(target, System.nanoTime()));
                if (target.equals("/robots.txt")) {
                    return new MockResponse.Builder().body(robots).build();
                }
                String links = target.equals("/") ? IntStream.rangeClosed(1, pages)
                        .mapToObj(i -> "<a href=\"/p" + i + ".html\">" + (2010 + i) + "年政府信息公开年报</a>").reduce("", String::concat) : "";
                return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                        .body("<html><body>年报 " + target + links + "</body></html>").build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        servers.add(server);
        return server;
    }

    private static Site site(String id, String host, MockWebServer server, Duration delay) {
        return new Site(id, id, List.of(URI.create("http://" + host + ":" + server.getPort() + "/")), List.of(host), delay, 5, 100,
                1 << 20, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
    }

    @AfterEach
    void close() throws IOException {
        for (MockWebServer s : servers) {
            s.close();
        }
    }

    @Test
    void oneWorkerServesTheQuickHostWhileTheSlowOneWaitsOutItsDelay() throws IOException {
        List<Request> quick = Collections.synchronizedList(new ArrayList<>());
        List<Request> slow = Collections.synchronizedList(new ArrayList<>());
        MockWebServer quickServer = portal("User-agent: *\n", 4, quick);
        // The slow host's second page comes 6 s after its robots.txt, its index 2 s after: the quick host's five
        // intervals (2.5 s at its delay) fall between, with 0.7 s to spare for each request on a loaded machine. The
        // old engine, its one worker sleeping on the slow host between the quick host's requests, ended later.
        MockWebServer slowServer = portal("User-agent: *\nCrawl-delay: 2\n", 2, slow);
        Duration quickDelay = Duration.ofMillis(500);
        Site quickSite = site("quick", "www.quick.gov.cn", quickServer, quickDelay);
        Site slowSite = site("slow", "www.slow.gov.cn", slowServer, Duration.ofMillis(200));
        Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                Duration.ofMillis(20)), ResolveOverrides.parse(List.of(
                "www.quick.gov.cn:" + quickServer.getPort() + ":127.0.0.1", "www.slow.gov.cn:" + slowServer.getPort() + ":127.0.0.1")),
                Duration.ofSeconds(30));
        CrawlRun run;
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
             TextExtractor extractor = new TextExtractor()) {
            run = new Crawl(archive, dir, extractor, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run(List.of(slowSite, quickSite), options);
        }

        assertThat(run.tallies()).allSatisfy(t -> assertThat(t.errors()).isZero());
        assertThat(quick).hasSize(6); // robots.txt, the index, four pages
        assertThat(slow).hasSize(4); // robots.txt, the index, two pages
        assertSpaced(quick, quickDelay);
        assertSpaced(slow, Duration.ofSeconds(2));
        // The quick host is done before the slow one's second page: the one worker never slept on the slow host
        // while the quick one was due.
        long quickDone = quick.get(quick.size() - 1).at();
        assertThat(slow.stream().filter(r -> r.target().startsWith("/p")).skip(1).findFirst().orElseThrow().at())
                .as("the slow host's second page, after the quick host's last request").isGreaterThan(quickDone);
        // …and the slow host was being crawled meanwhile: its index came before the quick host's last page.
        assertThat(slow.stream().filter(r -> r.target().equals("/")).findFirst().orElseThrow().at()).isLessThan(quickDone);
    }

    /** Requests to one host arrive at least its delay apart (the server sees arrivals; the crawler keeps the delay from each end). */
    private static void assertSpaced(List<Request> requests, Duration delay) {
        for (int i = 1; i < requests.size(); i++) {
            assertThat(Duration.ofNanos(requests.get(i).at() - requests.get(i - 1).at()))
                    .as("%s after %s", requests.get(i).target(), requests.get(i - 1).target()).isGreaterThanOrEqualTo(delay);
        }
    }
}
