package xxgk.archive.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import xxgk.archive.store.BlobStore;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.store.TextStore;
import xxgk.archive.text.Extraction;

/**
 * The catalog of reports: what the archive holds, recognised as reports ({@link ReportRecognition}) and kept in
 * the {@code reports} collection, one document per report keyed by its id. Ids begin with the site, so a site's
 * reports are an {@code _id} range: the only kind of lookup the embedded server indexes.
 */
public final class ReportCatalog {

    /** Listing order: site, year, agency, title. */
    static final Comparator<Report> ORDER = Comparator.comparing(Report::site).thenComparingInt(Report::year)
            .thenComparing(Report::agency).thenComparing(Report::title).thenComparing(Report::id);

    private final MongoCollection<Document> reports;
    private final ReportRecognition recognition;
    private final CaptureStore captures;
    private final TextStore texts;

    public ReportCatalog(MongoDatabase db, CaptureStore captures, TextStore texts, BlobStore blobs) {
        this.reports = db.getCollection("reports");
        this.recognition = new ReportRecognition(captures, texts, blobs);
        this.captures = captures;
        this.texts = texts;
    }

    /**
     * Recognises the reports of these sites afresh from the latest captures, stores them, and forgets those of
     * their reports no longer found. Running it again on the same archive changes nothing.
     */
    public List<Report> refresh(Collection<String> siteIds) {
        List<Report> all = new ArrayList<>();
        for (String site : new LinkedHashSet<>(siteIds)) {
            List<Report> found = recognition.of(site);
            Set<String> ids = new LinkedHashSet<>();
            for (Report r : found) {
                ids.add(r.id());
                reports.replaceOne(eq("_id", r.id()), toDocument(r), new ReplaceOptions().upsert(true));
            }
            reports.deleteMany(Filters.and(ofSite(site), Filters.nin("_id", ids)));
            all.addAll(found);
        }
        all.sort(ORDER);
        return all;
    }

    /** The stored reports, of one site and one year when given, in listing order. */
    public List<Report> reports(Optional<String> site, OptionalInt year) {
        Bson filter = site.map(ReportCatalog::ofSite).orElse(new Document());
        List<Report> result = new ArrayList<>();
        for (Document d : reports.find(filter)) {
            Report r = fromDocument(d);
            if (year.isEmpty() || r.year() == year.getAsInt()) {
                result.add(r);
            }
        }
        result.sort(ORDER);
        return result;
    }

    /** The portals the stored reports name (in their originals' and article pages' texts), each with the reports naming it. */
    public Map<PortalMention, List<Report>> portalMentions() {
        Map<PortalMention, List<Report>> named = new LinkedHashMap<>();
        for (Report r : reports(Optional.empty(), OptionalInt.empty())) {
            Set<String> digests = new LinkedHashSet<>();
            r.originals().forEach(o -> digests.add(o.sha256()));
            r.articleUrl().flatMap(captures::latest).ifPresent(c -> digests.add(c.sha256()));
            Set<PortalMention> inReport = new LinkedHashSet<>();
            for (String sha : digests) {
                texts.get(sha).map(Extraction::text).map(PortalMentions::in).ifPresent(inReport::addAll);
            }
            inReport.forEach(m -> named.computeIfAbsent(m, k -> new ArrayList<>()).add(r));
        }
        return named;
    }

    private static Bson ofSite(String site) {
        // Ids are "site/…"; '0' is the character after '/'.
        return and(gte("_id", site + "/"), lt("_id", site + "0"));
    }

    private static Document toDocument(Report r) {
        List<Document> originals = r.originals().stream().map(o -> new Document("url", o.url()).append("sha256", o.sha256())
                .append("content_type", o.contentType()).append("filename", o.filename().orElse(null))).toList();
        return new Document("_id", r.id())
                .append("site", r.site())
                .append("agency", r.agency())
                .append("year", r.year())
                .append("title", r.title())
                .append("published", r.published().map(LocalDate::toString).orElse(null))
                .append("published_source", r.publishedSource())
                .append("publisher", r.publisher())
                .append("article_url", r.articleUrl().orElse(null))
                .append("originals", originals)
                .append("locations", r.locations());
    }

    private static Report fromDocument(Document d) {
        List<ReportOriginal> originals = d.getList("originals", Document.class, List.of()).stream()
                .map(o -> new ReportOriginal(o.getString("url"), o.getString("sha256"), o.getString("content_type"),
                        Optional.ofNullable(o.getString("filename")))).toList();
        return new Report(d.getString("_id"), d.getString("site"), d.getString("agency"), d.getInteger("year"),
                d.getString("title"), Optional.ofNullable(d.getString("published")).map(LocalDate::parse),
                d.get("published_source", ""), d.get("publisher", ""),
                Optional.ofNullable(d.getString("article_url")), originals, d.getList("locations", String.class, List.of()));
    }
}
