package xxgk.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import xxgk.archive.DiskSpace;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;

/**
 * Every HTTP request xxgk makes goes through here: one OkHttp client with one connection pool, one place for
 * the scope, timeouts, retries, per-host politeness, the size cap, anti-bot walls and --resolve overrides. Redirects are not followed
 * here: they are returned so that the crawl frontier sees (and records) each hop.
 */
public final class HttpFetcher implements AutoCloseable {

    /**
     * Timeouts and retry policy; requestTimeout bounds one request from its sending to the end of its body (the wait
     * for the host's turn is not counted).
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, Duration requestTimeout, int attempts, Duration backoff) {
        static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

        public Settings(Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff) {
            this(connectTimeout, readTimeout, REQUEST_TIMEOUT, attempts, backoff);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(15), Duration.ofSeconds(30), 3, Duration.ofSeconds(2));
        }
    }

    /** A body being spooled has the disk's free space checked each time this much more of it arrived. */
    private static final long SPACE_CHECK_EVERY = 8L << 20;
    /** The largest read of a body at once. */
    private static final int BUFFER = 64 << 10;

    private final OkHttpClient client;
    private final Path spool;
    /** Idle connections kept at most: one for each host of a crawl of a thousand at once. */
    private static final int IDLE_CONNECTIONS = 1000;

    private final WalledHosts walls = new WalledHosts();
    private final RequestDeadline deadline;
    private final RetryInterceptor retry;

    /** inScope is the crawl's scope rule: a URL it refuses is never requested, whoever asks (robots.txt included). */
    public HttpFetcher(Settings settings, HostPoliteness politeness, ResolveOverrides overrides, Predicate<URI> inScope, Path spool)
            throws IOException {
        this.spool = Files.createDirectories(spool);
        this.deadline = new RequestDeadline(settings.requestTimeout());
        this.retry = new RetryInterceptor(settings.attempts(), settings.backoff());
        this.client = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                // A pooled connection the server closed while idle is retried at once on a fresh one, inside the host's turn.
                .retryOnConnectionFailure(true)
                // A connection kept per host between its turns: hosts are asked in rotation, a second or more apart,
                // and a pool of a few idle connections made nearly every request of a 200-host crawl connect anew
                // (the workers then spent most of their time waiting for connects).
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 1, java.util.concurrent.TimeUnit.MINUTES))
                .dns(overrides.dns())
                .socketFactory(HeaderBytesSocket.factory(overrides))
                .addInterceptor(chain -> refuseOutOfScope(chain, inScope))
                .addInterceptor(retry)
                .addInterceptor(new PolitenessInterceptor(politeness))
                .addInterceptor(this::refuseWalledHosts)
                .addInterceptor(deadline)
                .addNetworkInterceptor(new RawHeaderValues())
                .addNetworkInterceptor(new WireTap())
                .build();
    }

    /**
     * Fetches url, spooling a body of at most maxSize bytes; larger ones throw {@link DocumentTooLargeException}, and
     * a spool disk without room {@link DiskSpace.FullException}.
     * A host that put up an anti-bot wall earlier is not asked again: {@link WalledHostException}.
     */
    public Fetched fetch(String url, String userAgent, long maxSize) throws IOException {
        return fetch(url, userAgent, maxSize, Validators.NONE);
    }

    /** As {@link #fetch(String, String, long)}, asking conditionally: a URL unchanged since validators answers 304. */
    public Fetched fetch(String url, String userAgent, long maxSize, Validators validators) throws IOException {
        Request.Builder request = request(parse(url), userAgent);
        validators.etag().ifPresent(etag -> request.header("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
        return execute(request.build(), url, maxSize);
    }

    /**
     * Fetches url by POST, its query parameters sent again as the form: how a list servlet such as Hanweb's
     * dataproxy.jsp is asked when it refuses GET. Otherwise as {@link #fetch}.
     */
    public Fetched post(String url, String userAgent, long maxSize) throws IOException {
        HttpUrl parsed = parse(url);
        FormBody.Builder form = new FormBody.Builder();
        for (String name : parsed.queryParameterNames()) {
            for (String value : parsed.queryParameterValues(name)) {
                form.add(name, Objects.requireNonNullElse(value, ""));
            }
        }
        return execute(request(parsed, userAgent).post(form.build()).build(), url, maxSize);
    }

    private static HttpUrl parse(String url) throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IOException("not an http(s) URL: " + url);
        }
        return parsed;
    }

    private static Request.Builder request(HttpUrl url, String userAgent) {
        return new Request.Builder().url(url).header("User-Agent", userAgent)
                .header("Accept", "*/*").header("Accept-Language", "zh-CN,zh;q=0.9");
    }

    private Fetched execute(Request request, String url, long maxSize) throws IOException {
        for (int attempt = 1; ; attempt++) {
            // Each attempt notes what went on the wire afresh.
            Call call = client.newCall(request.newBuilder().tag(WireTap.Note.class, new WireTap.Note()).build());
            try {
                return read(call, url, maxSize);
            } catch (BodyCut cut) {
                if (!deadline.expired(call) && retry.again(attempt, cut.getCause(), call.isCanceled())) {
                    continue;
                }
                throw expired(call, url, cut.getCause());
            } catch (IOException e) {
                throw expired(call, url, e);
            }
        }
    }

    private IOException expired(Call call, String url, IOException e) {
        return deadline.expired(call)
                ? new SocketTimeoutException(url + ": no complete answer within " + deadline.limit().toSeconds() + " s of asking") : e;
    }

    /** The connection failed while the body was being read: the response came back, so only here can it be retried. */
    private static final class BodyCut extends IOException {
        BodyCut(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private Fetched read(Call call, String url, long maxSize) throws IOException {
        Request request = call.request();
        WireTap.Note wire = request.tag(WireTap.Note.class);
        HttpUrl parsed = request.url();
        try (Response response = call.execute()) {
            Instant at = Instant.now();
            long announced = response.body().contentLength();
            if (announced > maxSize) {
                throw new DocumentTooLargeException(url, announced, maxSize, true);
            }
            DiskSpace.ensure(spool, Math.max(0, announced));
            Path file = Files.createTempFile(spool, "fetch-", ".part");
            MessageDigest digest = Sha256.newDigest();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            long size = 0;
            Optional<AntiBotWall> wall;
            try (InputStream in = response.body().byteStream(); OutputStream out = Files.newOutputStream(file)) {
                // Sized to the body when it is announced: most pages are a few kB, and a buffer is allocated (and
                // zeroed) for every request.
                byte[] buf = new byte[announced < 0 ? BUFFER : (int) Math.max(8 << 10, Math.min(announced, BUFFER))];
                for (int n; (n = readBody(in, buf)) >= 0; ) {
                    size += n;
                    if (size > maxSize) {
                        throw new DocumentTooLargeException(url, maxSize, maxSize, false);
                    }
                    if (size % SPACE_CHECK_EVERY < n) {
                        DiskSpace.ensure(spool, SPACE_CHECK_EVERY);
                    }
                    digest.update(buf, 0, n);
                    out.write(buf, 0, n);
                    head.write(buf, 0, (int) Math.min(n, Math.max(0, AntiBotWall.CHALLENGE_SIZE + 1 - head.size())));
                }
                // Judged before the body is closed, which ends the host's turn: no request to it starts before this.
                wall = walls.answered(parsed.host(), response.code(), AntiBotWall.recognise(response.code(),
                        Objects.requireNonNullElse(response.header("Location"), ""), String.join("\n", response.headers("Set-Cookie")),
                        size <= AntiBotWall.CHALLENGE_SIZE ? head.toByteArray() : null));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            List<HttpHeader> headers = new ArrayList<>();
            response.headers().forEach(p -> headers.add(new HttpHeader(p.getFirst(), p.getSecond())));
            Optional<String> location = Optional.ofNullable(response.header("Location"))
                    .map(parsed::resolve).map(HttpUrl::toString);
            return new Fetched(url, request.method(), response.code(), headers, at, file, Sha256.hex(digest), size, location, wall,
                    wire.exchange(response));
        }
    }

    private static Response refuseOutOfScope(Interceptor.Chain chain, Predicate<URI> inScope) throws IOException {
        HttpUrl url = chain.request().url();
        if (!inScope.test(url.uri())) {
            throw new OutOfScopeException(url.toString());
        }
        return chain.proceed(chain.request());
    }

    private static int readBody(InputStream in, byte[] buf) throws BodyCut {
        try {
            return in.read(buf);
        } catch (IOException e) {
            throw new BodyCut(e);
        }
    }

    /** Runs while the host's turn is held, so a wall met by one request is seen by every later one. */
    private Response refuseWalledHosts(Interceptor.Chain chain) throws IOException {
        String host = chain.request().url().host();
        Optional<AntiBotWall> wall = walls.wallOf(host);
        if (wall.isPresent()) {
            throw new WalledHostException(host, wall.get());
        }
        return chain.proceed(chain.request());
    }

    @Override
    public void close() {
        deadline.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
