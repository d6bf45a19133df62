package xxgk.archive.store;

/**
 * What one crawl run did on one site.
 *
 * @param pages     responses received (any status)
 * @param bytes     body bytes received
 * @param originals originals that were new to the archive
 * @param errors    fetches that failed (unreachable, timed out, 4xx/5xx after retries)
 * @param skipped   URLs not downloaded on purpose (over the size cap, disallowed by robots.txt, traps)
 * @param blocked   answers that were an anti-bot wall, and URLs then not requested from the walled host
 * @param notModified responses that were 304 Not Modified to a conditional request (among pages)
 * @param fresh     archived documents not asked again, younger than the site's {@code revisit} period
 */
public record SiteTally(String site, long pages, long bytes, long originals, long errors, long skipped, long blocked,
                        long notModified, long fresh) {

    /** Responses that carried a body: every page but the 304s. */
    public long downloaded() {
        return pages - notModified;
    }
}
