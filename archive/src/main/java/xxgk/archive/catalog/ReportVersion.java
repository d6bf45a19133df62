package xxgk.archive.catalog;

import java.time.Instant;

/**
 * One version of a report's original: the bytes a URL served, from when the crawls first saw them to when they last
 * did. A corrected PDF put up at the same URL is a second version of that URL; the first stays in the archive.
 */
public record ReportVersion(String url, String sha256, Instant firstSeen, Instant lastSeen) {
}
