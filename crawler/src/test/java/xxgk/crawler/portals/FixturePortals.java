package xxgk.crawler.portals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import xxgk.config.Site;

/**
 * Five government portals as the crawler meets them in the wild, served over HTTP on one port of 127.0.0.1 with the
 * {@code Host} header picking the portal: Hanweb JCMS ({@link HanwebPortal}), TRS WCM with a deep news section
 * ({@link TrsPortal}), a GBK portal with an iframe list and a download servlet ({@link GbkPortal}), a portal of traps
 * ({@link TrapPortal}) and one behind an anti-bot wall ({@link WalledPortal}).
 *
 * <p>Every request is logged ({@link #hits()}), every 200 answer kept ({@link #served()}), and the portals say what
 * they publish ({@link #reports()}, {@link #decoys()}): the yardstick a crawl is measured against. A portal made for
 * one concern (such as {@link DeadlinesPortal}) is served the same way on its own, outside that yardstick.
 */
public final class FixturePortals implements AutoCloseable {

    /** News articles on the TRS portal by default: enough that a crawl without focus spends its budget there. */
    public static final int NEWS_ARTICLES = 2000;
    /** Larger than any report, smaller than the trap portal's video. */
    static final long MAX_SIZE = 20L << 20;
    /** The Last-Modified of every page: the fixtures change only by a test's hand, and then their ETags tell. */
    static final String LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, Portal> portals;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

    /** @param portalsAt the portals to serve, made from each host's base URL ({@code http://host:port}) */
    private FixturePortals(HttpServer server, Function<Function<String, String>, List<Portal>> portalsAt) {
        this.server = server;
        int port = server.getAddress().getPort();
        List<Portal> all = portalsAt.apply(host -> "http://" + host + ":" + port);
        this.portals = all.stream().collect(Collectors.toMap(Portal::host, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
        this.workers = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fixture-portals");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** The portals with the default news section, on a free port of 127.0.0.1. */
    public static FixturePortals start() throws IOException {
        return start(NEWS_ARTICLES);
    }

    public static FixturePortals start(int newsArticles) throws IOException {
        return start(base -> List.of(new HanwebPortal(base.apply(HanwebPortal.HOST)),
                new TrsPortal(base.apply(TrsPortal.HOST), newsArticles), new GbkPortal(base.apply(GbkPortal.HOST)),
                new TrapPortal(base.apply(TrapPortal.HOST)), new WalledPortal(base.apply(WalledPortal.HOST))));
    }

    /** These portals, made from each host's base URL, on a free port of 127.0.0.1. */
    static FixturePortals start(Function<Function<String, String>, List<Portal>> portalsAt) throws IOException {
        FixturePortals portals = new FixturePortals(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), portalsAt);
        portals.server.start();
        return portals;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The portals' sites as a user would configure them, each pausing delay between requests to its host. */
    public List<Site> sites(Duration delay) {
        return portals.values().stream().map(p -> p.site(delay)).toList();
    }

    /** The {@code --resolve} entries that send every portal host to this server. */
    public List<String> resolveSpecs() {
        return portals.keySet().stream().map(h -> h + ":" + port() + ":127.0.0.1").toList();
    }

    /** Every report on the portals, reachable or not. */
    public List<ExpectedReport> reports() {
        return portals.values().stream().flatMap(p -> p.reports().stream()).toList();
    }

    public List<Decoy> decoys() {
        return portals.values().stream().flatMap(p -> p.decoys().stream()).toList();
    }

    /** The host of a site id. */
    public String host(String site) {
        return portals.values().stream().filter(p -> p.site(Duration.ZERO).id().equals(site)).map(Portal::host)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no fixture site " + site));
    }

    /** Every request so far, in the order received. */
    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Every 200 answer with a body so far, absolute URL as requested → body as sent; a live, thread-safe view. */
    public Map<String, byte[]> served() {
        return Collections.unmodifiableMap(served);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** A site with the configuration defaults but for its delay and the size cap. */
    static Site site(String id, String name, String seed, String host, Duration delay, List<String> path) {
        return new Site(id, name, List.of(URI.create(seed)), List.of(host), delay, 8, 5000, MAX_SIZE,
                "xxgk-test/0.1 (fixture portals on 127.0.0.1)", Optional.empty(), path, Optional.empty());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authority = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
            String host = authority.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            URI target = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String form = method.equals("POST") ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) : "";
            Portal portal = portals.get(host);
            Answer answer = portal == null ? Answer.notFound()
                    : portal.answer(new Portal.Request(method, target.getRawPath(), target.getRawQuery(), form));
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            answer = validated(answer, ifNoneMatch, ifModifiedSince);
            // Bookkeeping before the answer goes out, so a client that has the answer sees it counted.
            hits.add(new Hit(java.time.Instant.now(), method, host, target.toString(), answer.status(),
                    ifNoneMatch != null || ifModifiedSince != null, answer.body().length));
            boolean head = method.equals("HEAD");
            if (answer.status() == 200 && !head && answer.streamed() == 0) {
                served.put("http://" + authority + target, answer.body());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            if (answer.streamed() > 0 && !head) {
                stream(exchange, answer.streamed());
            } else if (head || answer.body().length == 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    /**
     * As a web server answers: every whole 200 answer carries an ETag (its digest) and a Last-Modified, and a
     * request whose If-None-Match names the ETag (or, without one, whose If-Modified-Since is not older) gets
     * 304 Not Modified without a body.
     */
    private static Answer validated(Answer answer, String ifNoneMatch, String ifModifiedSince) {
        if (answer.status() != 200 || answer.streamed() > 0) {
            return answer;
        }
        String etag = "\"" + xxgk.archive.store.Sha256.of(answer.body()).substring(0, 16) + "\"";
        Answer validated = answer.withHeader("ETag", etag).withHeader("Last-Modified", LAST_MODIFIED);
        boolean unchanged = ifNoneMatch != null ? ifNoneMatch.equals(etag) : LAST_MODIFIED.equals(ifModifiedSince);
        if (!unchanged) {
            return validated;
        }
        return new Answer(304, Map.of("ETag", etag, "Last-Modified", LAST_MODIFIED), new byte[0], 0);
    }

    /** Sends length bytes made on the fly, chunked: the client learns the size only by reading to the end. */
    private static void stream(HttpExchange exchange, long length) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
            }
        } catch (IOException clientGaveUp) {
            // The crawler stops reading at its size cap: expected.
        }
    }
}
