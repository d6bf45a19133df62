package xxgk.crawler.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.exceptions.PageBiggerThanMaxSizeException;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import xxgk.archive.DiskSpace;
import xxgk.config.Site;
import xxgk.crawler.fetch.DocumentTooLargeException;
import xxgk.crawler.fetch.Fetched;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.navigation.ListAdapters;
import xxgk.crawler.fetch.WalledHostException;

/**
 * crawler4j's fetcher replaced by ours: the request goes through {@link HttpFetcher} (OkHttp), the response is
 * archived at once, and crawler4j gets back only what it needs to go on — the status, a redirect target, and the
 * bytes of HTML pages for link extraction.
 */
final class ArchivingPageFetcher extends PageFetcher {

    private final HttpFetcher http;
    private final SiteResolver sites;
    private final RobotsPolicy robots;
    private final CaptureRecorder recorder;
    private final ArchiveFailures failures;
    private final CrawlProgress progress;
    private final PageDuplicates duplicates = new PageDuplicates();

    ArchivingPageFetcher(CrawlConfig config, BasicURLNormalizer normalizer, HttpFetcher http, SiteResolver sites,
                         RobotsPolicy robots, CaptureRecorder recorder, ArchiveFailures failures, CrawlProgress progress) throws Exception {
        super(config, normalizer);
        this.http = http;
        this.sites = sites;
        this.robots = robots;
        this.recorder = recorder;
        this.failures = failures;
        this.progress = progress;
    }

    @Override
    public PageFetchResult fetchPage(WebURL webUrl) throws InterruptedException, IOException, PageBiggerThanMaxSizeException {
        String url = webUrl.getURL();
        Optional<Site> site = sites.siteOf(url, webUrl.getParentUrl());
        if (site.isEmpty()) {
            throw new IOException("outside every site's scope: " + url);
        }
        if (!robots.permits(url, site.get())) {
            throw new NotFetched("disallowed by robots.txt: " + url);
        }
        try (Fetched fetched = fetch(url, site.get())) {
            archive(fetched, site.get(), webUrl);
            ContentType type = contentType(fetched);
            return result(fetched, type, linksToFollow(fetched, type, site.get(), webUrl.getPriority()));
        } catch (NotFetched e) {
            throw e;
        } catch (DiskSpace.FullException e) {
            failures.failed(site.get().id(), url, e);
            throw e;
        } catch (DocumentTooLargeException e) {
            progress.skipped(site.get().id(), url, e.getMessage());
            throw new PageBiggerThanMaxSizeException(e.size());
        } catch (WalledHostException e) {
            progress.blocked(site.get().id());
            throw e;
        } catch (IOException e) {
            progress.failed(site.get().id(), url, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /** An answer that cannot be archived is not acted on either: the next crawl fetches it again. */
    private void archive(Fetched fetched, Site site, WebURL webUrl) throws NotFetched {
        try {
            recorder.record(fetched, site, webUrl.getParentUrl(), webUrl.getAnchor());
        } catch (IOException | RuntimeException e) {
            failures.failed(site.id(), fetched.url(), e);
            throw new NotFetched("not archived: " + fetched.url());
        }
    }

    /** A URL not acted on, already recorded so: disallowed before any request, or not archived after one. */
    private static final class NotFetched extends IOException {
        NotFetched(String message) {
            super(message);
        }
    }

    /** GET, or for a list servlet that refuses GET (405, 500…), the same query sent as a POST form. */
    private Fetched fetch(String url, Site site) throws IOException {
        Fetched got = http.fetch(url, site.userAgent(), site.maxSize());
        if (got.status() < 400 || got.wall().isPresent() || !ListAdapters.asksByPost(url)) {
            return got;
        }
        got.close();
        progress.note(site.id(), url, "HTTP " + got.status() + " to GET; asked again by POST, as the portal's own pager does");
        return http.post(url, site.userAgent(), site.maxSize());
    }

    /**
     * A page with links to follow: HTML or XML, answered 2xx, no anti-bot challenge, and not a copy of a page
     * already fetched at another URL.
     */
    private boolean linksToFollow(Fetched fetched, ContentType type, Site site, int priority) {
        if (fetched.status() / 100 != 2 || fetched.size() == 0 || fetched.wall().isPresent()
                || !LinkExtractor.isPage(type.getMimeType())) {
            return false;
        }
        Optional<String> original = duplicates.original(fetched.sha256(), fetched.url(), priority);
        original.ifPresent(first -> progress.note(site.id(), fetched.url(), "duplicate of " + first + ": links not followed again"));
        return original.isEmpty();
    }

    private PageFetchResult result(Fetched fetched, ContentType type, boolean linksToFollow) throws IOException {
        PageFetchResult result = new PageFetchResult(false);
        result.setStatusCode(fetched.status());
        result.setResponseHeaders(fetched.headers().stream().map(h -> new BasicHeader(h.name(), h.value())).toArray(Header[]::new));
        if (fetched.redirect()) {
            result.setMovedToUrl(normalizer.filter(fetched.location().orElseThrow()));
        } else if (fetched.status() / 100 == 2) {
            result.setFetchedUrl(fetched.url());
        }
        // Only pages whose links we follow need their bytes in memory; every original is already archived.
        byte[] body = linksToFollow ? Files.readAllBytes(fetched.body()) : new byte[0];
        result.setEntity(new ByteArrayEntity(body, type));
        return result;
    }

    /** The type the server gave; without one, a body opening with markup is taken for HTML, as browsers do. */
    private static ContentType contentType(Fetched fetched) throws IOException {
        String header = fetched.contentType();
        if (header.isBlank()) {
            try (InputStream in = Files.newInputStream(fetched.body())) {
                String head = new String(in.readNBytes(512), StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").strip();
                return head.startsWith("<") ? ContentType.TEXT_HTML : ContentType.APPLICATION_OCTET_STREAM;
            }
        }
        try {
            return ContentType.parseLenient(header);
        } catch (RuntimeException e) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
    }
}
