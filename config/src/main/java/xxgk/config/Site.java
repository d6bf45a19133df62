package xxgk.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A government body's portal as the crawler sees it: where to start, how far it may go, how gently.
 *
 * @param id       short stable name used on the command line and in the archive
 * @param name     the body's name as it publishes it, e.g. 哈尔滨市人民政府
 * @param seeds    URLs the crawl starts from
 * @param scope    hosts the crawl may visit, with their sub-domains: {@code host} on the default ports of http and
 *                 https and the ports of the seeds on it, or {@code host:port} on that port only; see {@link #inScope(URI)}
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

    /**
     * The one rule for what the crawler may request: an http or https URL on a host the scope names (or a sub-domain
     * of one), on the port the scope entry names, else on the scheme's default port or a port a seed of the site uses
     * on that host. A loopback seed on :19110 therefore does not open :19101 of the same host.
     */
    public boolean inScope(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() < 0 ? defaultPort(scheme) : url.getPort();
        for (String entry : scope) {
            if (covers(entryHost(entry), host) && (entryPort(entry).isPresent()
                    ? entryPort(entry).get().equals(Integer.toString(port)) : port == defaultPort(scheme) || seedPortOn(host, port))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the scope names host or a parent domain of it, whatever the port: which site a host's politeness and
     * mentions belong to. Whether a URL may be requested is {@link #inScope(URI)}.
     */
    public boolean inScope(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return scope.stream().anyMatch(entry -> covers(entryHost(entry), h));
    }

    /** A scope entry is host or host:port (one colon: IPv6 literals are not portal hosts). */
    private static Optional<String> entryPort(String entry) {
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? Optional.of(entry.substring(colon + 1)) : Optional.empty();
    }

    private static String entryHost(String entry) {
        return entryPort(entry).isPresent() ? entry.substring(0, entry.indexOf(':')) : entry;
    }

    private static boolean covers(String suffix, String host) {
        return host.equals(suffix) || host.endsWith("." + suffix);
    }

    private boolean seedPortOn(String host, int port) {
        return seeds.stream().anyMatch(s -> s.getHost() != null && s.getHost().equalsIgnoreCase(host)
                && (s.getPort() < 0 ? defaultPort(s.getScheme().toLowerCase(Locale.ROOT)) : s.getPort()) == port);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
