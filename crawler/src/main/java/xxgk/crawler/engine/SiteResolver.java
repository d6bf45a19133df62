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
 */
final class SiteResolver {

    private final List<Site> sites;
    private final Map<String, Site> known = new ConcurrentHashMap<>();

    SiteResolver(List<Site> sites) {
        this.sites = List.copyOf(sites);
    }

    /** Registers a (normalised) seed URL of site. */
    void seed(String url, Site site) {
        known.putIfAbsent(url, site);
    }

    Optional<Site> siteOf(String url, String foundOn) {
        Site site = known.get(url);
        if (site != null) {
            return Optional.of(site);
        }
        Optional<URI> uri = uri(url);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        Site parent = foundOn == null ? null : known.get(foundOn);
        Optional<Site> chosen = parent != null && parent.inScope(uri.get())
                ? Optional.of(parent) : sites.stream().filter(s -> s.inScope(uri.get())).findFirst();
        chosen.ifPresent(s -> known.putIfAbsent(url, s));
        return chosen;
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
