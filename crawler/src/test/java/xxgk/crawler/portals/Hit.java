package xxgk.crawler.portals;

import java.time.Instant;

/** One request a fixture portal received: when, its method, Host (without port), path with query, and the status answered. */
public record Hit(Instant at, String method, String host, String target, int status) {

    /** The path without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
