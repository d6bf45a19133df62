package xxgk.archive.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;

/**
 * When a report was published, and what says so. The portal's word counts first, because that is what the statutory
 * deadline is held against; the server's and the archive's clocks only say when it existed at the latest.
 *
 * @param date   the date, in China
 * @param source what stated it
 */
record Publication(LocalDate date, Source source) {

    /** Most authoritative first. */
    enum Source {
        /** the article page: PubDate meta, 发布日期/发文日期, the date line under the title */
        PAGE,
        /** the date beside the link on the list page that links the article or the document */
        LIST,
        /** the date printed in the document itself */
        DOCUMENT,
        /** the HTTP Last-Modified of the original's first capture */
        LAST_MODIFIED,
        /** the first capture of the original */
        CAPTURED;

        /** As {@code published_source} spells it: page, list, document, last_modified, captured. */
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The most authoritative source first; of two alike, the earlier date (a reprint comes after the original). */
    static final Comparator<Publication> BEST_FIRST = Comparator.comparing(Publication::source).thenComparing(Publication::date);
}
