package xxgk.crawler.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.LoggerFactory;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import xxgk.config.Site;
import xxgk.crawler.navigation.Focus;
import xxgk.crawler.navigation.Trail;

/**
 * One crawler4j worker: decides which discovered links are followed and how soon — inside a site's scope, within
 * its depth, as its {@link Focus} ranks them, and not into a {@link CrawlTraps trap} — and spends at most the
 * site's request budget. Fetching and archiving happen in {@link ArchivingPageFetcher}.
 */
final class PortalCrawler extends WebCrawler {

    private final SiteResolver sites;
    private final Map<String, Focus> focus;
    private final Map<String, AtomicInteger> requests;
    private final CrawlTraps traps;
    private final CrawlProgress progress;
    private final ArchiveFailures failures;

    PortalCrawler(SiteResolver sites, Map<String, Focus> focus, Map<String, AtomicInteger> requests, CrawlTraps traps,
                  CrawlProgress progress, ArchiveFailures failures) {
        this.sites = sites;
        this.focus = focus;
        this.requests = requests;
        this.traps = traps;
        this.progress = progress;
        this.failures = failures;
    }

    /** crawler4j ends a worker on any Throwable and only keeps it: here it fails the run, which stays resumable. */
    @Override
    public void run() {
        super.run();
        Throwable death = getError();
        if (death != null) {
            failures.workerDied(death);
        }
    }

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
        String foundOn = referringPage == null ? null : referringPage.getWebURL().getURL();
        Optional<Site> site = sites.siteOf(url.getURL(), foundOn);
        if (site.isEmpty() || url.getDepth() > site.get().maxDepth()
                || requests.get(site.get().id()).get() >= site.get().maxPages()) {
            return false;
        }
        Optional<Trail> trail;
        if (referringPage == null || referringPage.isRedirect()) {
            // A redirect's target takes the place of the URL that redirected, and its trail.
            trail = Optional.of(referringPage == null ? Focus.seed() : trail(referringPage.getWebURL()));
        } else {
            trail = focus.get(site.get().id())
                    .follow(trail(referringPage.getWebURL()), foundOn, url.getURL(), url.getAnchor(), LinkExtractor.via(url));
        }
        // Traps are judged among the links focus would follow, so that unpromising ones do not fill a path's cap.
        if (trail.isEmpty() || traps.caught(site.get().id(), url.getURL())) {
            return false;
        }
        url.setPriority(trail.get().priority());
        return true;
    }

    /** The trail a URL was scheduled with; seeds (and where they redirect) are scheduled by crawler4j at depth 0. */
    static Trail trail(WebURL url) {
        return url.getDepth() == 0 ? Focus.seed() : Trail.of(url.getPriority());
    }

    /**
     * Every URL taken from the frontier is one request; once a site's budget is spent, its queue is dropped (each
     * dropped URL done with at once, so that the schedule hands out its host's next).
     */
    @Override
    protected WebURL handleUrlBeforeProcess(WebURL url) {
        Optional<Site> site = sites.siteOf(url.getURL(), url.getParentUrl());
        if (site.isEmpty()) {
            return url;
        }
        int request = requests.get(site.get().id()).incrementAndGet();
        if (request > site.get().maxPages()) {
            if (request == site.get().maxPages() + 1) {
                progress.note(site.get().id(), url.getURL(), "request budget of " + site.get().maxPages()
                        + " spent (max_pages): URLs still queued were not fetched");
            }
            getMyController().getFrontier().setProcessed(url);
            return null;
        }
        return url;
    }

    @Override
    protected void onUnexpectedStatusCode(String url, int status, String contentType, String description) {
        // Already archived and counted as an error by the fetcher.
    }

    @Override
    protected void onPageBiggerThanMaxSize(Page page, long size) {
        // Already recorded as skipped by the fetcher.
    }

    @Override
    protected void onContentFetchError(Page page, Exception e) {
        // Already recorded as failed by the fetcher.
    }

    /**
     * A redirect without a Location, or to no URL we can follow: the answer is archived, but it leads nowhere, which
     * the run notes (crawler4j would only log a warning, and its logger is kept quiet).
     */
    @Override
    protected void onRedirectedToInvalidUrl(Page page) {
        String url = page.getWebURL().getURL();
        sites.siteOf(url, page.getWebURL().getParentUrl())
                .ifPresent(site -> progress.note(site.id(), url, "a redirect to nowhere: no Location, or none that is a web URL"));
    }

    /** A page whose links could not be read lost them: an error of its site, as for any unexpected error below. */
    @Override
    protected void onParseError(WebURL webUrl, Exception e) {
        String url = webUrl.getURL();
        LoggerFactory.getLogger(PortalCrawler.class).error("links not read on {}", url, e);
        sites.siteOf(url, webUrl.getParentUrl()).ifPresent(site -> progress.failed(site.id(), url, "links not read: " + e));
    }

    /**
     * IOExceptions were recorded by the fetcher. Anything else lost the page (and its links): it is counted as an
     * error of its site and logged where it is seen (crawler4j's own logger is kept quiet).
     */
    @Override
    protected void onUnhandledException(Page page, Throwable e) {
        if (e instanceof java.io.IOException || page == null) {
            return;
        }
        String url = page.getWebURL().getURL();
        LoggerFactory.getLogger(PortalCrawler.class).error("unexpected error on {}", url, e);
        sites.siteOf(url, page.getWebURL().getParentUrl())
                .ifPresent(site -> progress.failed(site.id(), url, "not processed: " + e));
    }
}
