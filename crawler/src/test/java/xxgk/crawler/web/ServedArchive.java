package xxgk.crawler.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.TextExtractor;
import xxgk.crawler.demo.SamplePortal;
import xxgk.crawler.engine.Crawl;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * The archive the web tests browse, made as the demo makes it: the sample portal crawled, its 南岗 report corrected,
 * crawled again — so one document has two versions and the change log a change. Besides, one archived page carries
 * an inline script that tries to read the cookie and call the application's API. Made once per test JVM and served
 * by a {@link WebServer} on a free port of 127.0.0.1.
 */
final class ServedArchive {

    /** The script's page: it writes what it could reach into #marker, which says "untouched" while no script ran. */
    static final String SCRIPTED_PATH = "/scripted.html";
    static final String SCRIPTED_PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>scripted</title></head><body>
            <p id="marker">untouched</p>
            <script>
            document.getElementById('marker').textContent = 'SCRIPT RAN cookie=' + document.cookie;
            fetch('/cdx?url=http://www.harbin.gov.cn/&matchType=host&output=json').then(r => r.text())
                .then(t => document.getElementById('marker').textContent += ' api=' + t.length);
            </script></body></html>""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServedArchive instance;

    final SamplePortal portal;
    final Archive archive;
    final WebServer server;
    /** When the second crawl began: the first version of the corrected report is older, the second newer. */
    final Instant betweenCrawls;
    final String scriptedUrl;
    private final Path dir;

    private ServedArchive(Path dir) throws IOException {
        this.dir = dir;
        portal = SamplePortal.start();
        archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
        try (TextExtractor extractor = new TextExtractor()) {
            crawl(dir, extractor);
            betweenCrawls = Instant.now();
            portal.publishCorrection();
            crawl(dir, extractor);
        }
        scriptedUrl = portal.url(portal.hosts().get(0), SCRIPTED_PATH);
        archiveScriptedPage();
        server = WebServer.start(archive, "127.0.0.1", 0);
    }

    /** The archive, served; made on first use. */
    static synchronized ServedArchive instance() {
        if (instance == null) {
            try {
                instance = new ServedArchive(Files.createTempDirectory("xxgk-served-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.server.close();
                instance.archive.close();
                instance.portal.close();
                try (var files = Files.walk(instance.dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }));
        }
        return instance;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A GET of the server, as a browser would send it. */
    HttpResponse<byte[]> fetch(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void crawl(Path dir, TextExtractor extractor) {
        Crawl.Options options = new Crawl.Options(4, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(50)),
                ResolveOverrides.parse(portal.resolveSpecs()), Duration.ofSeconds(30));
        new Crawl(archive, dir, extractor, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(portal.sites(Duration.ofMillis(20)), options);
    }

    /** Recorded as a crawl records a response: the bytes first, then the capture that points at them. */
    private void archiveScriptedPage() throws IOException {
        byte[] body = SCRIPTED_PAGE.getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("scripted", ".html");
        Files.write(file, body);
        String sha = Sha256.of(body);
        archive.blobs().put(file, sha, body.length);
        Files.delete(file);
        archive.captures().record(new Capture(new ObjectId(), scriptedUrl, scriptedUrl, 200,
                List.of(new HttpHeader("Content-Type", "text/html; charset=utf-8")), Instant.now(), sha, body.length,
                "text/html; charset=utf-8", "harbin", "test", Optional.empty(), Optional.empty(), Optional.empty(), "GET"));
    }
}
