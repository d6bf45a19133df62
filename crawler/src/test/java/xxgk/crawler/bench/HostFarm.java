package xxgk.crawler.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Many small portals on loopback, one per address (127.0.1.1, 127.0.1.2 …, all on one port): each answers
 * robots.txt (no rules), an index linking its pages, and the pages, a few hundred bytes each — so that what a crawl
 * of them measures is the crawler. Every request is recorded with its host, arrival and end.
 */
final class HostFarm implements AutoCloseable {

    /** One request as its host saw it, in {@link System#nanoTime()}. */
    record Request(int host, long arrived, long ended) {}

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final int pages;
    private final int port;

    private HostFarm(int hosts, int pages) throws IOException {
        this.pages = pages;
        HttpServer first = serve(0, 0);
        this.port = first.getAddress().getPort();
        for (int i = 1; i < hosts; i++) {
            serve(i, port);
        }
    }

    /** hosts portals of pages pages each (the index included), robots.txt besides. */
    static HostFarm start(int hosts, int pages) throws IOException {
        // The JDK's server writes the headers and the body apart with Nagle's algorithm on: the body then waits for
        // the client's delayed ACK of the headers, 40 ms on Linux, and every page measured that wait (nginx, the
        // issue's reference hosts, sets TCP_NODELAY). Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return new HostFarm(hosts, pages);
    }

    /** The address of host i. */
    static String address(int i) {
        return "127.0." + (1 + i / 250) + "." + (1 + i % 250);
    }

    String seed(int i) {
        return "http://" + address(i) + ":" + port + "/";
    }

    private HttpServer serve(int host, int onPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address(host)), onPort), 64);
        server.setExecutor(workers);
        server.createContext("/", exchange -> answer(host, exchange));
        server.start();
        servers.add(server);
        return server;
    }

    private void answer(int host, HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String type = "text/html; charset=utf-8";
        StringBuilder body = new StringBuilder();
        if (path.equals("/robots.txt")) {
            type = "text/plain";
            body.append("User-agent: *\nDisallow: /private/\n");
        } else if (path.equals("/")) {
            body.append("<html><head><title>host ").append(host).append("</title></head><body>");
            for (int p = 1; p < pages; p++) {
                body.append("<a href=\"/p").append(p).append(".html\">第").append(p).append("页</a>\n");
            }
            body.append("</body></html>");
        } else {
            body.append("<html><head><title>").append(path).append("</title></head><body><p>host ").append(host)
                    .append(" page ").append(path).append(": ").append("一段正文。".repeat(20)).append("</p></body></html>");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        long ended = System.nanoTime();
        synchronized (requests) {
            requests.add(new Request(host, arrived, ended));
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void forget() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        workers.shutdownNow();
    }
}
