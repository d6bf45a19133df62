package xxgk.crawler.engine;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import xxgk.config.Site;

/**
 * Decides which configured site a URL belongs to: a seed belongs to its site, a linked URL to the site of the page
 * that linked it when that site's scope holds it, else to the first site whose scope does ({@link Site#inScope(URI)}:
 * scheme, host and port). A URL in no site's scope belongs to none and is never fetched.
 *
 * <p>Nothing is remembered of a URL whose host only one site's scope holds, the case of nearly all: its site follows
 * from its host. Only where scopes overlap (a site of {@code gov.cn} and one of {@code harbin.gov.cn}) is the choice
 * made from the linking page kept for each URL, so that it stays the same when the URL is met again.
 */
final class SiteResolver {

    private final List<Site> sites;
    private final Map<String, Site> seeds = new ConcurrentHashMap<>();
    private final Map<String, Site> chosen = new ConcurrentHashMap<>();

    SiteResolver(List<Site> sites) {
        this.sites = List.copyOf(sites);
    }

    /** Registers a (normalised) seed URL of site. */
    void seed(String url, Site site) {
        seeds.putIfAbsent(url, site);
    }

    Optional<Site> siteOf(String url, String foundOn) {
        Site seed = seeds.get(url);
        if (seed != null) {
            return Optional.of(seed);
        }
        Optional<URI> uri = uri(url);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        List<Site> holding = sites.stream().filter(s -> s.inScope(uri.get())).limit(2).toList();
        if (holding.size() < 2) {
            return holding.stream().findFirst();
        }
        Site known = chosen.get(url);
        if (known != null) {
            return Optional.of(known);
        }
        Site parent = foundOn == null ? null : siteOf(foundOn, null).orElse(null);
        Site site = parent != null && parent.inScope(uri.get()) ? parent : holding.get(0);
        return Optional.of(chosen.computeIfAbsent(url, u -> site));
    }

    /** True when some site's scope holds url: the gate every request passes, robots.txt and redirects included. */
    boolean inScope(URI url) {
        return sites.stream().anyMatch(s -> s.inScope(url));
    }

    private static Optional<URI> uri(String url) {
        try {
            return Optional.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
