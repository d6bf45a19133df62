package xxgk.crawler.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A portal on loopback whose index links its report pages /p0.html… and whose /p3.html is answered only once the
 * test lets it go: a crawl held midway, for the tests of an archive owner that goes away meanwhile.
 */
final class HeldPortal implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch midway = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);

    HeldPortal(int pages) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().equals("/p3.html")) {
                    midway.countDown();
                    try {
                        goOn.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String body = request.getTarget().equals("/")
                        ? IntStream.range(0, pages).mapToObj(i -> "<a href=\"/p" + i + ".html\">年报" + i + "</a>").collect(Collectors.joining())
                        : "年报";
                return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("<html>" + body + "</html>").build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    int port() {
        return server.getPort();
    }

    /** True once the crawl waits for /p3.html (a minute at most). */
    boolean midway() throws InterruptedException {
        return midway.await(60, TimeUnit.SECONDS);
    }

    /** Answers /p3.html. */
    void goOn() {
        goOn.countDown();
    }

    @Override
    public void close() {
        goOn.countDown();
        server.close();
    }
}
