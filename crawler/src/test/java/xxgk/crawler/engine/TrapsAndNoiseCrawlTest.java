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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import xxgk.archive.store.SiteTally;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * A crawl over two small portals on loopback: one full of traps and noise (session ids, calendars, ever-growing
 * links, a print duplicate, a huge video), one behind a 瑞数 wall. What was requested, archived and recorded.
 */
class TrapsAndNoiseCrawlTest {

    static final String NOISY = "www.noise.gov.cn";
    static final String WALLED = "www.walled.gov.cn";
    static final long MAX_SIZE = 1 << 20;

    @TempDir
    static Path dir;
    static MockWebServer noisy;
    static MockWebServer walled;
    static final Set<String> requested = ConcurrentHashMap.newKeySet();
    static Archive archive;
    static CrawlRun run;

    @BeforeAll
    static void crawl() throws IOException {
        noisy = new MockWebServer();
        noisy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                requested.add(target);
                return switch (target) {
                    case "/" -> html("""
                            <a href="/art/1.html;jsessionid=0A1B2C3D4E5F">年报</a>
                            <a href="/art/1.html;JSESSIONID=FFEEDDCC?">年报</a>
                            <a href="/print/art/1.html">打印</a>
                            <a href="/calendar.jsp?year=1987&month=3">日历</a>
                            <a href="/calendar/2031/05/">日历</a>
                            <a href="/a/b/a/b/index.html">循环</a>
                            <a href="/video/big.mp4">视频</a>
                            <a href="/video/announced.mp4">视频</a>""");
                    // the print view is the same bytes at another path: its relative link resolves elsewhere
                    case "/art/1.html", "/print/art/1.html" -> html("<a href=\"next.html\">下一篇</a>");
                    case "/art/next.html", "/print/art/next.html" -> html("下一篇");
                    case "/video/big.mp4" -> new MockResponse.Builder().addHeader("Content-Type", "video/mp4")
                            .chunkedBody(new Buffer().write(new byte[(int) (3 * MAX_SIZE)]), 64 * 1024).build();
                    case "/video/announced.mp4" -> new MockResponse.Builder().addHeader("Content-Type", "video/mp4")
                            .body(new Buffer().write(new byte[(int) (2 * MAX_SIZE)])).build();
                    default -> new MockResponse.Builder().code(404).body("not found").build();
                };
            }
        });
        noisy.start(InetAddress.getLoopbackAddress(), 0);
        walled = new MockWebServer();
        walled.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(412).addHeader("Content-Type", "text/html")
                        .body("<html><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84123;</script></html>").build();
            }
        });
        walled.start(InetAddress.getLoopbackAddress(), 0);

        archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
        List<Site> sites = List.of(site("noise", NOISY, noisy.getPort(), "/"), site("walled", WALLED, walled.getPort(), "/", "/zwgk/"));
        Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(20)),
                ResolveOverrides.parse(List.of(NOISY + ":" + noisy.getPort() + ":127.0.0.1", WALLED + ":" + walled.getPort() + ":127.0.0.1")),
                Duration.ofSeconds(30));
        try (TextExtractor extractor = new TextExtractor()) {
            run = new Crawl(archive, dir, extractor, new PrintStream(new ByteArrayOutputStream())).run(sites, options);
        }
    }

    private static Site site(String id, String host, int port, String... paths) {
        List<URI> seeds = java.util.Arrays.stream(paths).map(p -> URI.create("http://" + host + ":" + port + p)).toList();
        return new Site(id, id, seeds, List.of(host), Duration.ZERO, 5, 100, MAX_SIZE, "xxgk-test", Optional.empty(), List.of(), Optional.empty());
    }

    private static MockResponse html(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("<html><body>" + body + "</body></html>").build();
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
        noisy.close();
        walled.close();
    }

    private static SiteTally tally(String site) {
        return run.tallies().stream().filter(t -> t.site().equals(site)).findFirst().orElseThrow();
    }

    private static List<String> problems(String urlPart) {
        return run.problems().stream().filter(p -> p.url().contains(urlPart)).map(p -> p.problem()).toList();
    }

    @Test
    void sessionIdsAreDroppedSoAPageIsFetchedOnce() {
        assertThat(requested).contains("/art/1.html").noneMatch(t -> t.toLowerCase().contains("jsessionid"));
        assertThat(archive.captures().latestPerUrl(Optional.of("noise")).stream().map(Capture::url))
                .noneMatch(u -> u.toLowerCase().contains("jsessionid"));
    }

    @Test
    void trapsAreNeverRequestedAndRecordedAsSkipped() {
        assertThat(requested).noneMatch(t -> t.startsWith("/calendar") || t.startsWith("/a/"));
        assertThat(problems("/calendar.jsp")).singleElement().asString().startsWith("trap: calendar date 1987");
        assertThat(problems("/calendar/2031/")).singleElement().asString().startsWith("trap: calendar date 2031");
        assertThat(problems("/a/b/a/b/")).singleElement().asString().startsWith("trap: path segments 'a/b' repeated");
    }

    @Test
    void aPrintDuplicateIsArchivedButItsLinksAreNotFollowedAgain() {
        assertThat(requested).contains("/art/1.html", "/print/art/1.html");
        assertThat(archive.captures().latest("http://" + NOISY + ":" + noisy.getPort() + "/print/art/1.html")).isPresent();
        // Whichever copy came second had its links left alone, so only one of the two "next" pages was found.
        assertThat(requested.stream().filter(t -> t.endsWith("/next.html"))).hasSize(1);
        assertThat(run.problems()).filteredOn(p -> p.problem().startsWith("duplicate of ")).hasSize(1);
    }

    @Test
    void hugeMediaIsSkippedAndRecorded() {
        assertThat(problems("/video/big.mp4")).singleElement().asString().contains("more than " + MAX_SIZE + " bytes");
        assertThat(problems("/video/announced.mp4")).singleElement().asString().contains(2 * MAX_SIZE + " bytes announced");
        assertThat(archive.captures().latestPerUrl(Optional.of("noise")).stream().map(Capture::url)).noneMatch(u -> u.endsWith(".mp4"));
        assertThat(tally("noise").skipped()).isEqualTo(2 + 3); // two videos, three traps
        assertThat(tally("noise").blocked()).isZero();
    }

    @Test
    void aWalledSiteIsAskedOnceRecordedAsBlockedAndItsChallengeKept() throws IOException {
        assertThat(walled.getRequestCount()).isEqualTo(1);
        assertThat(tally("walled").blocked()).as("the wall, then both seeds not requested").isEqualTo(3);
        assertThat(tally("walled").errors()).isZero();
        assertThat(run.problems()).filteredOn(p -> p.site().equals("walled")).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("瑞数"));
        Capture challenge = archive.captures().latestPerUrl(Optional.of("walled")).get(0);
        assertThat(challenge.status()).isEqualTo(412);
        try (var in = archive.blobs().open(challenge.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("$_ts");
        }
    }

    @Test
    void theSummaryShowsBlocked() {
        assertThat(Crawl.summary(run)).containsPattern("walled .* 3 blocked");
    }
}
