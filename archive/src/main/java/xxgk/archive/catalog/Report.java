package xxgk.archive.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One 政府信息公开工作年度报告 as a site publishes it: its article page and the attachments that page links
 * (PDF, DOCX, DOC, ZIP…), or an attachment alone when a list links it directly. A report reprinted at several
 * URLs of the site is one report with several locations.
 *
 * <p>The id is {@code site/year/h}, where {@code h} is ten hex digits of the SHA-256 of the agency named in the
 * title as written (spaces and punctuation removed; the page's 发布机构, else its SiteName, when the title names none). It therefore survives
 * re-crawls, new URLs and new attachments of the same report. When one agency has two reports of the same year
 * on a site, both ids get {@code /t}, eight hex digits of the SHA-256 of the normalised title.
 *
 * @param id         stable identity, see above
 * @param site       the configured site it was found on
 * @param agency     the body the report covers, named in full: the agency the title names (a place alone meaning its
 *                   人民政府), made fuller where the page or report prints a fuller name; when the title names none,
 *                   the publisher (a government's office publishing for the government), else the SiteName meta
 * @param year       the year the report covers ({@link xxgk.archive.report.ReportYear}); 0 when unknown
 * @param title      its title as the page (or the link, or the document) gives it
 * @param published  when it was published, as {@code publishedSource} says; empty only in a catalogue an older
 *                   version wrote
 * @param publishedSource what says so, the first that does: {@code page} (PubDate meta, 发布日期/发文日期, the date
 *                   line under the title), {@code list} (the date beside its link on a list page), {@code document}
 *                   (printed in it), {@code last_modified} (the HTTP Last-Modified of its original's first capture),
 *                   {@code captured} (that capture's time); "" when unknown
 * @param publisher  the publishing office, the page's 发布机构 (发文机关, 发布单位); "" when unknown
 * @param articleUrl the article page; empty when the report is an attachment linked directly
 * @param originals  the documents holding the report, one per distinct content: the article page when its body
 *                   is the report, and the attachments
 * @param locations  every URL where the report was found (pages, attachments and the redirects to them), sorted
 * @param status     current, or removed from the portal (it stays in the catalog and the archive for ever)
 * @param removedAt  when the crawl saw it removed, and what showed it
 * @param versions   every version of every original ever seen, oldest first per URL
 */
public record Report(String id, String site, String agency, int year, String title, Optional<LocalDate> published,
                     String publishedSource, String publisher, Optional<String> articleUrl, List<ReportOriginal> originals,
                     List<String> locations, Status status, Optional<Removal> removedAt, List<ReportVersion> versions) {

    /** Whether the portal still publishes the report. */
    public enum Status { CURRENT, REMOVED }

    /** When a report was seen removed, and the evidence: e.g. "HTTP 404 at URL". */
    public record Removal(java.time.Instant at, String evidence) {
    }

    public Report {
        originals = List.copyOf(originals);
        locations = List.copyOf(locations);
        versions = List.copyOf(versions);
    }

    /** A report as recognised from the latest captures, before the catalog knows its history. */
    Report(String id, String site, String agency, int year, String title, Optional<LocalDate> published,
           String publishedSource, String publisher, Optional<String> articleUrl, List<ReportOriginal> originals,
           List<String> locations) {
        this(id, site, agency, year, title, published, publishedSource, publisher, articleUrl, originals, locations,
                Status.CURRENT, Optional.empty(), List.of());
    }

    /** The formats held, e.g. [HTML, PDF, DOCX], in the order of the originals. */
    public List<String> formats() {
        return originals.stream().map(ReportOriginal::format).distinct().toList();
    }
}
