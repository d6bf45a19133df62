package xxgk.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HTTP/1.1 server on loopback that misbehaves as portals do: it cuts a download in the middle of its body
 * the first time, and closes keep-alive connections after a short idle time, leaving stale ones in the client's pool.
 */
class DroppedConnectionsTest {

    private static final int SIZE = 100_000;
    private static final Duration BACKOFF = Duration.ofSeconds(3);

    @TempDir
    Path spool;
    private ServerSocket server;
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final CountDownLatch idleConnectionClosed = new CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> converse(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void converse(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            boolean answeredOnce = false;
            while (true) {
                if (answeredOnce) {
                    socket.setSoTimeout(300); // a short keep-alive: idle connections are closed
                }
                String requestLine;
                try {
                    requestLine = in.readLine();
                } catch (SocketTimeoutException idle) {
                    socket.close();
                    idleConnectionClosed.countDown();
                    return;
                }
                if (requestLine == null) {
                    return;
                }
                socket.setSoTimeout(0);
                while (!in.readLine().isEmpty()) {
                    // headers
                }
                String path = requestLine.split(" ")[1];
                int n = asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: " + SIZE + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                if (path.equals("/cut.pdf") && n == 1) {
                    out.write(new byte[SIZE / 2]);
                    out.flush();
                    return; // the connection drops in the middle of the body
                }
                out.write(new byte[SIZE]);
                out.flush();
                answeredOnce = true;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private HttpFetcher fetcher() throws IOException {
        return new HttpFetcher(new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 3, BACKOFF),
                new HostPoliteness(h -> Duration.ZERO), ResolveOverrides.none(), url -> true, spool);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    @Test
    void aConnectionDroppedMidBodyIsTriedAgainAndTheWholeBodyKept() throws IOException {
        try (HttpFetcher http = fetcher(); Fetched f = http.fetch(url("/cut.pdf"), "xxgk-test", 1 << 20)) {
            assertThat(f.size()).isEqualTo(SIZE);
            assertThat(Files.size(f.body())).isEqualTo(SIZE);
        }
        assertThat(asked.get("/cut.pdf")).hasValue(2);
    }

    @Test
    void aStalePooledConnectionCostsNoFailedAttemptAndNoBackoff() throws Exception {
        try (HttpFetcher http = fetcher()) {
            try (Fetched first = http.fetch(url("/a.pdf"), "xxgk-test", 1 << 20)) {
                assertThat(first.size()).isEqualTo(SIZE);
            }
            assertThat(idleConnectionClosed.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            try (Fetched second = http.fetch(url("/b.pdf"), "xxgk-test", 1 << 20)) {
                assertThat(second.size()).isEqualTo(SIZE);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BACKOFF);
        }
    }
}
