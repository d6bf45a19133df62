package xxgk.crawler.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
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
import xxgk.archive.store.Capture;
import xxgk.archive.DiskSpace;
import xxgk.config.Site;
import xxgk.crawler.fetch.DocumentTooLargeException;
import xxgk.crawler.fetch.Fetched;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.Validators;
import xxgk.crawler.navigation.ListAdapters;
import xxgk.crawler.fetch.WalledHostException;

/**
 * crawler4j's fetcher replaced by ours: the request goes through {@link HttpFetcher} (OkHttp), the response is handed
 * to the {@link Ingest} to be archived, and crawler4j gets back only what it needs to go on — the status, a redirect
 * target, and the bytes of HTML pages for link extraction.
 */
final class ArchivingPageFetcher extends PageFetcher {

    private static final byte[] HUGE_PAGE_STAND_IN = "<html></html>".getBytes(StandardCharsets.US_ASCII);

    private final HttpFetcher http;
    private final SiteResolver sites;
    private final RobotsPolicy robots;
    private final CaptureRecorder recorder;
    private final ArchiveFailures failures;
    private final CrawlProgress progress;
    private final PageDuplicates duplicates = new PageDuplicates();
    private final LinkExtractor links;

    ArchivingPageFetcher(CrawlConfig config, BasicURLNormalizer normalizer, HttpFetcher http, SiteResolver sites,
                         RobotsPolicy robots, CaptureRecorder recorder, ArchiveFailures failures, CrawlProgress progress,
                         LinkExtractor links) throws Exception {
        super(config, normalizer);
        this.links = links;
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
        Optional<CaptureRecorder.Previous> previous = recorder.previous(url);
        if (previous.filter(p -> fresh(p, site.get())).isPresent()) {
            progress.fresh(site.get().id());
            return unchanged(previous.get().content());
        }
        try (Fetched fetched = fetch(url, site.get(), previous.map(CaptureRecorder.Previous::validators).orElse(Validators.NONE))) {
            Spooled answer = recorder.answer(fetched, site.get(), webUrl.getParentUrl(), webUrl.getAnchor(), previous);
            Capture content = CaptureRecorder.content(answer, previous);
            ContentType type = contentType(content.contentType(), fetched);
            boolean follow = linksToFollow(fetched, content, type, site.get(), webUrl.getPriority());
            PageFetchResult result;
            if (follow && LinkExtractor.isHuge(type.getMimeType(), content.size())) {
                // crawler4j would hold three copies of the page at once: its links are read here, as a stream, and
                // crawler4j gets a stand-in (non-empty, or it would not ask for the links).
                links.readHugePage(webUrl.getURL(), type.toString(), () -> recorder.open(fetched, content));
                result = result(fetched, type, HUGE_PAGE_STAND_IN);
            } else {
                result = result(fetched, type, follow ? recorder.body(fetched, content) : new byte[0]);
            }
            // Last, as it moves the body away: the answer is in the journal before crawler4j marks its URL done.
            keep(answer);
            return result;
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

    /**
     * An archived document (not a page: pages list what is new) younger than the site's revisit period is not asked
     * again at all.
     */
    private static boolean fresh(CaptureRecorder.Previous previous, Site site) {
        return site.revisit().isPresent() && previous.content().status() == 200
                && !LinkExtractor.isPage(contentType(previous.content().contentType(), null).getMimeType())
                && previous.latest().fetchedAt().isAfter(Instant.now().minus(site.revisit().get()));
    }

    /** What crawler4j is told of a document not asked again: answered, and nothing to extract. */
    private static PageFetchResult unchanged(Capture content) {
        PageFetchResult result = new PageFetchResult(false);
        result.setStatusCode(200);
        result.setFetchedUrl(content.url());
        result.setResponseHeaders(new Header[0]);
        result.setEntity(new ByteArrayEntity(new byte[0], contentType(content.contentType(), null)));
        return result;
    }

    /** An answer that cannot even be journaled is not acted on either: the next crawl fetches it again. */
    private void keep(Spooled answer) throws NotFetched, InterruptedException {
        try {
            recorder.keep(answer);
        } catch (IOException | RuntimeException e) {
            failures.failed(answer.site(), answer.url(), e);
            throw new NotFetched("not archived: " + answer.url());
        }
    }

    /** A URL not acted on, already recorded so: disallowed before any request, or not archived after one. */
    private static final class NotFetched extends IOException {
        NotFetched(String message) {
            super(message);
        }
    }

    /** GET, or for a list servlet that refuses GET (405, 500…), the same query sent as a POST form. */
    private Fetched fetch(String url, Site site, Validators validators) throws IOException {
        Fetched got = http.fetch(url, site.userAgent(), site.maxSize(), validators);
        if (got.status() < 400 || got.wall().isPresent() || !ListAdapters.asksByPost(url)) {
            return got;
        }
        got.close();
        progress.note(site.id(), url, "HTTP " + got.status() + " to GET; asked again by POST, as the portal's own pager does");
        return http.post(url, site.userAgent(), site.maxSize());
    }

    /**
     * A page with links to follow: HTML or XML, answered 2xx (or 304 for stored content that was), no anti-bot
     * challenge, and not a copy of a page already fetched at another URL.
     */
    private boolean linksToFollow(Fetched fetched, Capture content, ContentType type, Site site, int priority) {
        if (content.status() / 100 != 2 || content.size() == 0 || fetched.wall().isPresent()
                || !LinkExtractor.isPage(type.getMimeType())) {
            return false;
        }
        Optional<String> original = duplicates.original(content.sha256(), fetched.url(), priority);
        original.ifPresent(first -> progress.note(site.id(), fetched.url(), "duplicate of " + first + ": links not followed again"));
        return original.isEmpty();
    }

    /**
     * What crawler4j needs to go on: the status (a 304's stored content counts as answered), a redirect's target,
     * and the bytes of a page whose links are followed; every original is already archived.
     */
    private PageFetchResult result(Fetched fetched, ContentType type, byte[] body) {
        PageFetchResult result = new PageFetchResult(false);
        result.setStatusCode(fetched.notModified() ? 200 : fetched.status());
        result.setResponseHeaders(fetched.headers().stream().map(h -> new BasicHeader(h.name(), h.value())).toArray(Header[]::new));
        if (fetched.redirect()) {
            result.setMovedToUrl(normalizer.filter(fetched.location().orElseThrow()));
        } else if (fetched.status() / 100 == 2 || fetched.notModified()) {
            result.setFetchedUrl(fetched.url());
        }
        result.setEntity(new ByteArrayEntity(body, type));
        return result;
    }

    /**
     * The type the server gave; without one, a body opening with markup is taken for HTML, as browsers do (fetched:
     * the body to look at, or null when there is none to hand).
     */
    private static ContentType contentType(String header, Fetched fetched) {
        if (header.isBlank()) {
            if (fetched == null) {
                return ContentType.APPLICATION_OCTET_STREAM;
            }
            try (InputStream in = Files.newInputStream(fetched.body())) {
                String head = new String(in.readNBytes(512), StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").strip();
                return head.startsWith("<") ? ContentType.TEXT_HTML : ContentType.APPLICATION_OCTET_STREAM;
            } catch (IOException e) {
                return ContentType.APPLICATION_OCTET_STREAM;
            }
        }
        try {
            return ContentType.parseLenient(header);
        } catch (RuntimeException e) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
    }
}
