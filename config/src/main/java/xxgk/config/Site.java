package xxgk.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A government body's portal as the crawler sees it: where to start, how far it may go, how gently.
 *
 * @param id       short stable name used on the command line and in the archive
 * @param name     the body's name as it publishes it, e.g. 哈尔滨市人民政府
 * @param seeds    URLs the crawl starts from
 * @param scope    host suffixes the crawl may visit; a URL on any other host is never fetched
 * @param delay    minimum pause between two requests to one host (robots.txt Crawl-delay may raise it)
 * @param maxDepth links followed from a seed before giving up on a branch
 * @param maxPages requests spent on this site in one crawl at most
 * @param maxSize  largest document downloaded; larger ones are skipped and recorded
 * @param userAgent the User-Agent sent to this site
 * @param every    how often a periodic crawl revisits this site, when it should differ from the crawl period
 * @param path     link texts leading from a seed to the 年报 column, as the reports name them
 * @param revisit  archived documents (PDF, DOC…; not pages) younger than this are not asked again; without it,
 *                 every crawl asks for them conditionally
 */
public record Site(
        String id,
        String name,
        List<URI> seeds,
        List<String> scope,
        Duration delay,
        int maxDepth,
        int maxPages,
        long maxSize,
        String userAgent,
        Optional<Duration> every,
        List<String> path,
        Optional<Duration> revisit) {

    /** The most link texts a path may have: a crawl ranks each step of it (see the crawler's ColumnPath). */
    public static final int MAX_PATH_STEPS = 9;

    public Site {
        seeds = List.copyOf(seeds);
        scope = List.copyOf(scope);
        path = List.copyOf(path);
    }

    /** True when host is one of the scope's hosts or a sub-domain of one. */
    public boolean inScope(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : scope) {
            if (h.equals(suffix) || h.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }
}
