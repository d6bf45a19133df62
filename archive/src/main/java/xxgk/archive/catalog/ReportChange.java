package xxgk.archive.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the change log: what a crawl saw happen to a report. Entries are only ever added.
 *
 * @param kind      what happened
 * @param report    the report's id
 * @param url       the article or original whose capture shows the change
 * @param at        when the crawl saw it: the time of that capture
 * @param run       the crawl run that saw it
 * @param oldSha256 for {@link Kind#CHANGED}: the original's digest before
 * @param newSha256 for {@link Kind#CHANGED}: its digest now
 */
public record ReportChange(Kind kind, String report, String agency, int year, String site, String url, Instant at, String run,
                           Optional<String> oldSha256, Optional<String> newSha256) {

    public enum Kind {
        /** Recognised for the first time. */
        NEW,
        /** An original now serves other bytes. */
        CHANGED,
        /** Its article and originals answer 404/410, or the list that linked it no longer does. */
        REMOVED,
        /** Found again after it was removed. */
        RESTORED
    }
}
