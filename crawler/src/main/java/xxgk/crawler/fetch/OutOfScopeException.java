package xxgk.crawler.fetch;

import java.io.IOException;

/** A request not made: its URL (scheme, host and port) is outside every configured site's scope. */
public final class OutOfScopeException extends IOException {

    OutOfScopeException(String url) {
        super("outside every site's scope, not requested: " + url);
    }
}
