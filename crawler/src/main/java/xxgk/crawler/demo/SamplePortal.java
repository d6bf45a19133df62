package xxgk.crawler.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import xxgk.archive.store.Sha256;
import xxgk.config.Site;

/**
  * The bundled sample portal: four Chinese government sites (哈尔滨, 呼兰, 绥芬河, 南岗) publishing five
  * real annual reports, served over HTTP on 127.0.0.1 for {@code xxgk demo} and the end-to-end tests.
  *
  * <p>All hosts share one port; the {@code Host} header picks the site. A client resolves the
  * {@link #hosts()} to 127.0.0.1 and connects to {@link #port()}. Besides plain files the portal has
  * the habits of real ones (see {@link PortalRoutes}): a redirect, a transient 503, a download servlet
  * with a raw GBK filename, a PDF typed as octet-stream, a GBK page without charset header, robots.txt.
  */
public final class SamplePortal implements AutoCloseable {

    /** When the portal's pages last changed, as its server says: they never do. */
    private static final String LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT";

    private final HttpServer server;
    private final ExecutorService workers;
    private final PortalRoutes routes = new PortalRoutes();
    private final PortLinks links;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private SamplePortal(HttpServer server) {
        this.server = server;
        this.links = new PortLinks(PortalRoutes.HOSTS, port());
        this.workers = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "sample-portal");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** Starts the portal on a free port of 127.0.0.1. */
    public static SamplePortal start() throws IOException {
        return start(0);
    }

    /**
     * Starts the portal on port of 127.0.0.1 if it is free, else on a free one. The port is part of every URL the
     * portal serves, so an interrupted demo continued on its old port finds the URLs it had queued.
     */
    public static SamplePortal start(int port) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException taken) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        SamplePortal portal = new SamplePortal(server);
        portal.server.start();
        return portal;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The portal's host names; the first is the home page's. */
    public List<String> hosts() {
        return PortalRoutes.HOSTS;
    }

    /** {@code "http://" + host + ":" + port + pathAndQuery}. */
    public String url(String host, String pathAndQuery) {
        return "http://" + host + ":" + port() + pathAndQuery;
    }

    /** The home page of the 哈尔滨 portal, where a crawl starts. */
    public String home() {
        return url(PortalRoutes.HARBIN, "/");
    }

    /** Every 200 response so far, absolute URL as requested → body as sent; a live, thread-safe view. */
    public Map<String, byte[]> served() {
        return Collections.unmodifiableMap(served);
    }

    /** The portal's four sites as a user would configure them, each pausing delay between requests to its host. */
    public List<Site> sites(Duration delay) {
        return List.of(
                site("harbin", "哈尔滨市人民政府", home(), PortalRoutes.HARBIN, delay),
                site("hulan", "哈尔滨市呼兰区人民政府", url(PortalRoutes.HULAN, "/hebhlq/2023/zfxxgklby_zc.shtml"), PortalRoutes.HULAN, delay),
                site("suifenhe", "绥芬河市人民政府", url(PortalRoutes.SUIFENHE, "/"), PortalRoutes.SUIFENHE, delay),
                site("nangang", "哈尔滨市南岗区人民政府", url(PortalRoutes.NANGANG, "/col/col126585/index.html"), PortalRoutes.NANGANG, delay));
    }

    private static Site site(String id, String name, String seed, String host, Duration delay) {
        return new Site(id, name, List.of(URI.create(seed)), List.of(host), delay, 8, 500, 50L << 20,
                "xxgk-demo/0.1 (sample portal on 127.0.0.1)", Optional.empty(), List.of(), Optional.empty());
    }

    /** The {@code --resolve} entries that send every portal host to this server. */
    public List<String> resolveSpecs() {
        return hosts().stream().map(h -> h + ":" + port() + ":127.0.0.1").toList();
    }

    /**
     * From now on the portal serves one report (南岗区城管局's for 2021, an article with its tables) corrected: one
     * application's outcome moved from 予以公开 to 部分公开, with a 更正说明 — what a crawl after publication finds.
     */
    public void publishCorrection() {
        routes.publishCorrection();
    }

    /** The URL of the report {@link #publishCorrection()} corrects. */
    public String correctedUrl() {
        return url(PortalRoutes.NANGANG, PortalRoutes.CORRECTED_ARTICLE);
    }

    /** All requests answered so far, whatever the status. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /**
     * As web servers answer: a whole 200 answer carries an ETag (its digest) and a Last-Modified, and a request whose
     * If-None-Match names the ETag gets 304 Not Modified without a body — so a second demo crawl shows revisits.
     */
    private static Reply validated(Reply reply, String ifNoneMatch) {
        if (reply.status() != 200) {
            return reply;
        }
        String etag = "\"" + Sha256.of(reply.body()).substring(0, 16) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return new Reply(304, Map.of("ETag", etag, "Last-Modified", LAST_MODIFIED), new byte[0]);
        }
        return reply.withHeader("ETag", etag).withHeader("Last-Modified", LAST_MODIFIED);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authority = exchange.getRequestHeaders().getFirst("Host");
            String host = authority == null ? "" : authority.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            URI target = exchange.getRequestURI();
            Reply reply = hosts().contains(host)
                    ? routes.answer(new PortalRoutes.Request(host, target.getPath(), target.getRawQuery()))
                    : Reply.notFound();
            if (reply.contentType().startsWith("text/html")) {
                reply = reply.withBody(links.apply(reply.body()));
            }
            reply = validated(reply, exchange.getRequestHeaders().getFirst("If-None-Match"));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            // Bookkeeping before the answer goes out, so a client that has the answer sees it counted.
            requests.incrementAndGet();
            if (reply.status() == 200 && !head) {
                served.put(target.isAbsolute() ? target.toString() : "http://" + authority + target, reply.body());
            }
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            if (head || reply.body().length == 0) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), reply.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }
}
