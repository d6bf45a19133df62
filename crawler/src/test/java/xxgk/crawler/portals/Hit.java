package xxgk.crawler.portals;

import java.time.Instant;

/**
 * One request a fixture portal received: when, its method, Host (without port), path with query, the status
 * answered, whether it carried validators (If-None-Match, If-Modified-Since) and the body bytes sent.
 */
public record Hit(Instant at, String method, String host, String target, int status, boolean conditional, long bytes) {

    /** The path without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
