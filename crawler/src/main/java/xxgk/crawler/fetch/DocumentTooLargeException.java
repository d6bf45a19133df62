package xxgk.crawler.fetch;

import java.io.IOException;

/** A response body over the site's size cap; it was not stored. */
public final class DocumentTooLargeException extends IOException {

    private final long size;

    DocumentTooLargeException(String url, long size, long cap, boolean announced) {
        super(url + ": " + (announced ? size + " bytes announced" : "more than " + size + " bytes") + ", over the cap of " + cap);
        this.size = size;
    }

    public long size() {
        return size;
    }
}
