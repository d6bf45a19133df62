package xxgk.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Each wall served over real HTTP: recognised on the first answer, archived as received, its host never asked again. */
class AntiBotWallTest {

    @TempDir
    Path spool;
    MockWebServer server;
    HttpFetcher http;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        // Retries enabled, as in a real crawl: a wall must still be asked only once.
        http = new HttpFetcher(new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofMillis(10)),
                new HostPoliteness(host -> Duration.ZERO), ResolveOverrides.none(), url -> true, spool);
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    private Optional<AntiBotWall> firstAnswer(MockResponse wall) throws IOException {
        server.enqueue(wall);
        Optional<AntiBotWall> seen;
        try (Fetched f = http.fetch(server.url("/zwgk/index.html").toString(), "xxgk-test", 1 << 20)) {
            seen = f.wall();
            assertThat(Files.size(f.body())).as("the challenge is kept as evidence").isEqualTo(f.size()).isPositive();
        }
        return seen;
    }

    private void assertNotAskedAgain() {
        int before = server.getRequestCount();
        assertThatThrownBy(() -> http.fetch(server.url("/zwgk/nb.pdf").toString(), "xxgk-test", 1 << 20))
                .isInstanceOf(WalledHostException.class);
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void ruishu412() throws IOException {
        String page = "<html><head><meta http-equiv=\"Content-Type\"><script type=\"text/javascript\">$_ts=window['$_ts'];"
                + "if(!$_ts)$_ts={};$_ts.nsd=12345;$_ts.cd=\"qxrrrrAlq\";</script><script src=\"/4QbVtADbnLVI/c.FxJzG50F.js\"></script></head></html>";
        assertThat(firstAnswer(new MockResponse.Builder().code(412).body(page).build())).contains(AntiBotWall.RUISHU);
        assertThat(server.getRequestCount()).as("412 is not retried").isEqualTo(1);
        assertNotAskedAgain();
    }

    @Test
    void jiasule521() throws IOException {
        String page = "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')"
                + "+'=1700000000.123|0|abc';__jsl_clearance=1;location.href=location.pathname+location.search</script>";
        assertThat(firstAnswer(new MockResponse.Builder().code(521).addHeader("Set-Cookie", "__jsluid_h=0123abcd; max-age=31536000; path=/")
                .body(page).build())).contains(AntiBotWall.JIASULE);
        assertThat(server.getRequestCount()).as("521 is not retried").isEqualTo(1);
        assertNotAskedAgain();
    }

    @Test
    void wzwsRedirect() throws IOException {
        assertThat(firstAnswer(new MockResponse.Builder().code(302).addHeader("Location", "/WZWSREL3p3Z2svaW5kZXguaHRtbA==")
                .body("redirect").build())).contains(AntiBotWall.WZWS);
        assertNotAskedAgain();
    }

    @Test
    void wzwsChallengePage() throws IOException {
        String page = "<html><script>var wzwschallenge=\"RANDOMSTR3322\";var wzwschallengex=\"STRRANDOM\";"
                + "var encoderchallenge=\"\";function wzwsquestion(){}</script></html>";
        assertThat(firstAnswer(new MockResponse.Builder().code(200).addHeader("Set-Cookie", "wzws_cid=abc123; path=/")
                .body(page).build())).contains(AntiBotWall.WZWS);
        assertNotAskedAgain();
    }

    @Test
    void repeatedRefusals() throws IOException {
        for (int i = 0; i < WalledHosts.REFUSALS_TO_WALL - 1; i++) {
            assertThat(firstAnswer(new MockResponse.Builder().code(403).body("Forbidden").build())).isEmpty();
        }
        assertThat(firstAnswer(new MockResponse.Builder().code(403).body("Forbidden").build())).contains(AntiBotWall.REFUSALS);
        assertNotAskedAgain();
    }

    @Test
    void ordinaryErrorsAndPagesAreNoWalls() throws IOException {
        assertThat(firstAnswer(new MockResponse.Builder().code(412).body("Precondition Failed").build())).isEmpty();
        assertThat(firstAnswer(new MockResponse.Builder().code(403).body("Forbidden").build())).isEmpty();
        assertThat(firstAnswer(new MockResponse.Builder().code(200).body("<html>政府信息公开</html>").build())).isEmpty();
        assertThat(firstAnswer(new MockResponse.Builder().code(403).body("Forbidden").build())).as("refusals must come in a row").isEmpty();
        assertThat(firstAnswer(new MockResponse.Builder().code(404).body("Not Found").build())).isEmpty();
    }
}
