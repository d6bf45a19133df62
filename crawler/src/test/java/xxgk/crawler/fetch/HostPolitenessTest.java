package xxgk.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Real HTTP on loopback: many threads, one host, requests never overlap and are spaced by the delay. */
class HostPolitenessTest {

    @TempDir
    Path spool;

    @Test
    void oneRequestAtATimePerHostSpacedByTheDelay() throws Exception {
        List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    long start = System.nanoTime();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(30); // a server that takes a moment to answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    spans.add(new long[] {start, System.nanoTime()});
                    return new MockResponse.Builder().body("ok").build();
                }
            });
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            Duration delay = Duration.ofMillis(150);
            HostPoliteness politeness = new HostPoliteness(host -> delay);
            try (HttpFetcher http = new HttpFetcher(HttpFetcher.Settings.defaults(), politeness, ResolveOverrides.none(), url -> true, spool)) {
                ExecutorService threads = Executors.newFixedThreadPool(4);
                List<Future<?>> jobs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String url = server.url("/p" + i).toString();
                    jobs.add(threads.submit(() -> {
                        try (Fetched f = http.fetch(url, "xxgk-test", 1000)) {
                            return f.status();
                        }
                    }));
                }
                for (Future<?> job : jobs) {
                    assertThat(job.get()).isEqualTo(200);
                }
                threads.shutdown();
            }
        }
        assertThat(maxInFlight.get()).isEqualTo(1);
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < spans.size(); i++) {
            long gapMillis = (spans.get(i)[0] - spans.get(i - 1)[1]) / 1_000_000;
            assertThat(gapMillis).as("pause before request %d", i).isGreaterThanOrEqualTo(140);
        }
    }

    @Test
    void crawlDelayRaisesButNeverLowersTheDelay() {
        HostPoliteness politeness = new HostPoliteness(host -> Duration.ofSeconds(2));
        politeness.honourCrawlDelay("a.gov.cn", Duration.ofSeconds(1));
        assertThat(politeness.delay("a.gov.cn")).isEqualTo(Duration.ofSeconds(2));
        politeness.honourCrawlDelay("a.gov.cn", Duration.ofSeconds(5));
        assertThat(politeness.delay("a.gov.cn")).isEqualTo(Duration.ofSeconds(5));
        politeness.honourCrawlDelay("b.gov.cn", Duration.ofHours(1));
        assertThat(politeness.delay("b.gov.cn")).isEqualTo(HostPoliteness.MAX_DELAY);
    }

    @Test
    void aBodyOverTheCapIsRefusedAndNotKept() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("x".repeat(5000)).build());
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            try (HttpFetcher http = new HttpFetcher(HttpFetcher.Settings.defaults(), new HostPoliteness(h -> Duration.ZERO),
                    ResolveOverrides.none(), url -> true, spool)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.fetch(server.url("/big.zip").toString(), "t", 1000))
                        .isInstanceOf(DocumentTooLargeException.class);
            }
        }
        assertThat(spool.toFile().list()).isEmpty();
    }
}
