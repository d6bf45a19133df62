package xxgk.crawler.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import xxgk.config.Site;

/**
 * One crawler4j worker: decides which discovered links are followed — inside a site's scope, within its depth
 * and its request budget, and not into a {@link CrawlTraps trap}. Fetching and archiving happen in {@link ArchivingPageFetcher}.
 */
final class PortalCrawler extends WebCrawler {

    private final SiteResolver sites;
    private final Map<String, AtomicInteger> scheduled;
    private final CrawlTraps traps;

    PortalCrawler(SiteResolver sites, Map<String, AtomicInteger> scheduled, CrawlTraps traps) {
        this.sites = sites;
        this.scheduled = scheduled;
        this.traps = traps;
    }

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
        String foundOn = referringPage == null ? null : referringPage.getWebURL().getURL();
        Optional<Site> site = sites.siteOf(url.getURL(), foundOn);
        if (site.isEmpty() || url.getDepth() > site.get().maxDepth() || traps.caught(site.get().id(), url.getURL())) {
            return false;
        }
        return scheduled.get(site.get().id()).incrementAndGet() <= site.get().maxPages();
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

    @Override
    protected void onUnhandledException(Page page, Throwable e) {
        if (!(e instanceof java.io.IOException)) {
            logger.warn("unexpected error on {}", page == null ? "?" : page.getWebURL().getURL(), e);
        }
    }
}
