package xxgk.archive.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import xxgk.archive.store.BlobStore;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.store.TextStore;
import xxgk.archive.text.Extraction;

/**
 * The catalog of reports: what the archive holds, recognised as reports ({@link ReportRecognition}) and kept in
 * the {@code reports} collection, one document per report keyed by its id. Ids begin with the site, so a site's
 * reports are an {@code _id} range: the only kind of lookup the embedded server indexes.
 */
public final class ReportCatalog {

    /** What places a report in the listing: site, year, agency, title, then id. Read alone, it orders a listing. */
    private record Place(String site, int year, String agency, String title, String id) {
        static final Comparator<Place> ORDER = Comparator.comparing(Place::site).thenComparingInt(Place::year)
                .thenComparing(Place::agency).thenComparing(Place::title).thenComparing(Place::id);
    }

    /** Listing order: site, year, agency, title. */
    static final Comparator<Report> ORDER = Comparator.comparing(r -> new Place(r.site(), r.year(), r.agency(), r.title(), r.id()),
            Place.ORDER);

    /** Reports read by key in one query, when they are handed over one at a time. */
    private static final int BATCH = 500;

    private final MongoCollection<Document> reports;
    private final ReportRecognition recognition;
    private final CaptureStore captures;
    private final TextStore texts;
    private final ChangeLog changes;

    public ReportCatalog(MongoDatabase db, CaptureStore captures, TextStore texts, BlobStore blobs) {
        this.reports = db.getCollection("reports");
        this.changes = new ChangeLog(db);
        this.recognition = new ReportRecognition(captures, texts, blobs);
        this.captures = captures;
        this.texts = texts;
    }

    /**
     * Recognises the reports of these sites from their latest captures and brings the stored records up to date: a
     * report seen before keeps its id, its originals' new bytes become new versions, a report no longer found is
     * marked removed when its URLs answer 404/410 or the list that linked it no longer does, and comes back when
     * found again; every such event goes into the {@link ChangeLog}. Nothing is ever deleted. Running it again on
     * the same archive changes nothing. Returns the sites' reports, current and removed.
     */
    public List<Report> refresh(Collection<String> siteIds) {
        return refresh(siteIds, Optional.empty());
    }

    /**
     * What {@link #refresh(Collection)} does, for the part of each site that the captures of these runs can change
     * ({@link RunScope}): the rest of the catalogue is as a whole refresh would leave it, since nothing it is read
     * from was captured since the last. For the end of a crawl: texts and pages are read for what it captured
     * can change, though the latest capture of each of the sites' URLs is still read. Returns the sites' reports, current and removed.
     */
    public List<Report> refreshAfter(Set<String> runs, Collection<String> siteIds) {
        return refresh(siteIds, Optional.of(runs));
    }

    private List<Report> refresh(Collection<String> siteIds, Optional<Set<String>> runs) {
        List<Report> all = new ArrayList<>();
        for (String site : new LinkedHashSet<>(siteIds)) {
            all.addAll(new Reconciliation(site).run(runs));
        }
        all.sort(ORDER);
        return all;
    }

    /** One site's recognised reports matched with its stored records. */
    private final class Reconciliation {
        private final String site;
        private final Map<String, Report> stored = new LinkedHashMap<>();
        /** The stored reports matched with what is recognised: all, or those within the runs' scope. */
        private final Map<String, Report> reconciled = new LinkedHashMap<>();
        private final Set<String> taken = new HashSet<>();
        /** The links of list pages read for evidence, by digest: one parse per page however many reports it lists. */
        private final Map<String, Set<String>> links = new HashMap<>();

        Reconciliation(String site) {
            this.site = site;
            for (Report r : reports(Optional.of(site), OptionalInt.empty())) {
                stored.put(r.id(), r);
            }
            taken.addAll(stored.keySet());
            reconciled.putAll(stored);
        }

        /** Reconciles the whole site, or the part of it these runs' captures can change. */
        List<Report> run(Optional<Set<String>> runs) {
            ReportRecognition.SiteCaptures all = recognition.captures(site);
            List<Report> recognised;
            if (runs.isPresent()) {
                RunScope scope = RunScope.of(site, recognition, all, stored.values(), runs.get());
                recognised = scope.found;
                reconciled.keySet().retainAll(scope.stored.stream().map(Report::id).toList());
            } else {
                recognised = recognition.of(site, all, all.answered.keySet(), Set.of());
            }
            List<Report> result = new ArrayList<>();
            stored.values().stream().filter(r -> !reconciled.containsKey(r.id())).forEach(result::add);
            Set<String> matched = new HashSet<>();
            for (Report found : recognised) {
                Optional<Report> before = match(found, matched);
                // Recognition reads the latest captures, some from earlier crawls: an attachment still archived does
                // not keep a report whose article is gone, nor does an article the list no longer links.
                if (before.isPresent() && (before.get().articleUrl().isPresent() && found.articleUrl().isEmpty()
                        || removalOf(before.get()).isPresent())) {
                    continue;
                }
                Report now = before.map(b -> seenAgain(b, found)).orElseGet(() -> seenFirst(found));
                matched.add(now.id());
                save(now);
                result.add(now);
            }
            for (Report r : reconciled.values()) {
                if (!matched.contains(r.id())) {
                    Report now = r.status() == Report.Status.CURRENT ? removalOf(r).map(removal -> removed(r, removal)).orElse(r) : r;
                    if (now != r) {
                        save(now);
                    }
                    result.add(now);
                }
            }
            return result;
        }

        /**
         * The stored report this one is: the one sharing most of its URLs or originals, else one of the same id and
         * title. Ids are not enough: a second report of an agency and year changes the ids recognition proposes.
         */
        private Optional<Report> match(Report found, Set<String> matched) {
            Set<String> keys = keys(found);
            Optional<Report> sharing = reconciled.values().stream().filter(r -> !matched.contains(r.id()))
                    .filter(r -> keys.stream().anyMatch(keys(r)::contains))
                    .max(Comparator.comparingLong(r -> keys(r).stream().filter(keys::contains).count()));
            return sharing.or(() -> Optional.ofNullable(reconciled.get(found.id())).filter(r -> !matched.contains(r.id()))
                    .filter(r -> ReportRecognition.comparable(r.title()).equals(ReportRecognition.comparable(found.title()))));
        }

        private Set<String> keys(Report r) {
            Set<String> keys = new HashSet<>(r.locations());
            r.originals().forEach(o -> keys.add(o.sha256()));
            return keys;
        }

        private Report seenFirst(Report found) {
            String id = found.id();
            if (!taken.add(id)) {
                String byTitle = id + "/" + ReportRecognition.hex(ReportRecognition.comparable(found.title()), 8);
                id = byTitle;
                for (int n = 2; !taken.add(id); n++) {
                    id = byTitle + "-" + n;
                }
            }
            List<ReportVersion> versions = new ArrayList<>();
            found.originals().forEach(o -> seen(o).ifPresent(versions::add));
            Report now = withHistory(found, id, Report.Status.CURRENT, Optional.empty(), versions);
            Capture shown = shownBy(now);
            log(ReportChange.Kind.NEW, now, shown, Optional.empty(), Optional.empty());
            return now;
        }

        private Report seenAgain(Report before, Report found) {
            List<ReportVersion> versions = new ArrayList<>(before.versions());
            for (ReportOriginal o : found.originals()) {
                Optional<ReportVersion> seen = seen(o);
                if (seen.isEmpty()) {
                    continue;
                }
                int known = indexOf(versions, o.url(), o.sha256());
                if (known >= 0) {
                    ReportVersion v = versions.get(known);
                    versions.set(known, new ReportVersion(v.url(), v.sha256(), v.firstSeen(), seen.get().lastSeen()));
                    continue;
                }
                Optional<ReportVersion> previous = versions.stream().filter(v -> v.url().equals(o.url()))
                        .max(Comparator.comparing(ReportVersion::firstSeen));
                versions.add(seen.get());
                if (previous.isPresent()) {
                    Capture shown = captures.latestContent(o.url()).orElseThrow();
                    log(ReportChange.Kind.CHANGED, before, shown, Optional.of(previous.get().sha256()), Optional.of(o.sha256()));
                }
            }
            Report now = withHistory(found, before.id(), Report.Status.CURRENT, Optional.empty(), versions);
            if (before.status() == Report.Status.REMOVED) {
                log(ReportChange.Kind.RESTORED, now, shownBy(now), Optional.empty(), Optional.empty());
            }
            return now;
        }

        private Report removed(Report r, Evidence removal) {
            log(ReportChange.Kind.REMOVED, r, removal.capture(), Optional.empty(), Optional.empty());
            return withHistory(r, r.id(), Report.Status.REMOVED,
                    Optional.of(new Report.Removal(removal.capture().fetchedAt(), removal.evidence())), r.versions());
        }

        /**
         * What shows that a report is gone: its article (or, without one, every original) answering 404 or 410 at its
         * latest capture, or the page that linked it fetched again without the link.
         */
        private Optional<Evidence> removalOf(Report r) {
            List<String> urls = r.articleUrl().map(List::of).orElseGet(() -> r.originals().stream().map(ReportOriginal::url).toList());
            List<Capture> latest = urls.stream().flatMap(u -> captures.latest(u).stream()).toList();
            if (!latest.isEmpty() && latest.size() == urls.size() && latest.stream().allMatch(c -> GONE.contains(c.status()))) {
                Capture last = latest.stream().max(Comparator.comparing(Capture::fetchedAt)).orElseThrow();
                return Optional.of(new Evidence(last, "HTTP " + last.status() + " at " + last.url()));
            }
            for (Capture c : latest) {
                Optional<Capture> list = c.foundOn().flatMap(captures::latest)
                        .filter(l -> l.fetchedAt().isAfter(c.fetchedAt()) && (l.status() / 100 == 2 || l.status() == 304));
                if (list.isPresent() && !linksTo(list.get(), c.url())) {
                    return Optional.of(new Evidence(list.get(), "no longer linked from " + list.get().url()));
                }
            }
            return Optional.empty();
        }

        private boolean linksTo(Capture listCapture, String url) {
            Capture content = captures.content(listCapture).orElse(listCapture);
            return links.computeIfAbsent(content.sha256(), sha -> ArticlePage.parse(recognition.bytes(sha), content.contentType(),
                    content.url()).links().keySet()).contains(url);
        }

        /** The version of the original as the crawls last saw it: its content's first capture time, its latest capture time. */
        private Optional<ReportVersion> seen(ReportOriginal o) {
            return captures.latest(o.url()).flatMap(latest -> captures.content(latest)
                    .filter(content -> content.sha256().equals(o.sha256()))
                    .map(content -> new ReportVersion(o.url(), o.sha256(), content.fetchedAt(), latest.fetchedAt())));
        }

        /** The capture that shows the report is there: its article's, else its first original's. */
        private Capture shownBy(Report r) {
            String url = r.articleUrl().orElse(r.originals().isEmpty() ? r.locations().get(0) : r.originals().get(0).url());
            return captures.latestContent(url).orElseThrow();
        }

        private void log(ReportChange.Kind kind, Report r, Capture shown, Optional<String> oldSha, Optional<String> newSha) {
            changes.append(new ReportChange(kind, r.id(), r.agency(), r.year(), site, shown.url(), shown.fetchedAt(), shown.run(),
                    oldSha, newSha));
        }
    }

    private record Evidence(Capture capture, String evidence) {
    }

    private static final Set<Integer> GONE = Set.of(404, 410);

    private static int indexOf(List<ReportVersion> versions, String url, String sha256) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).url().equals(url) && versions.get(i).sha256().equals(sha256)) {
                return i;
            }
        }
        return -1;
    }

    private static Report withHistory(Report r, String id, Report.Status status, Optional<Report.Removal> removal,
                                      List<ReportVersion> versions) {
        return new Report(id, r.site(), r.agency(), r.year(), r.title(), r.published(), r.publishedSource(), r.publisher(),
                r.articleUrl(), r.originals(), r.locations(), status, removal, versions);
    }

    private void save(Report r) {
        reports.replaceOne(eq("_id", r.id()), toDocument(r), new ReplaceOptions().upsert(true));
    }

    /** The change log the refreshes write. */
    public ChangeLog changes() {
        return changes;
    }

    /** The stored reports, of one site and one year when given, in listing order. */
    public List<Report> reports(Optional<String> site, OptionalInt year) {
        List<Report> result = new ArrayList<>();
        forEach(site, year, result::add);
        return result;
    }

    /**
     * The stored reports, of one site and one year when given, handed over one at a time in listing order: what
     * orders them is read and sorted first, then the reports by id a batch at a time, so that memory holds no more
     * than a batch of them (an export of every report writes each as it comes).
     */
    public void forEach(Optional<String> site, OptionalInt year, Consumer<Report> action) {
        List<Bson> filters = new ArrayList<>();
        site.ifPresent(s -> filters.add(ofSite(s)));
        year.ifPresent(y -> filters.add(eq("year", y)));
        List<Place> places = new ArrayList<>();
        reports.find(filters.isEmpty() ? new Document() : and(filters)).projection(Projections.include("site", "year", "agency", "title"))
                .forEach(d -> places.add(new Place(d.getString("site"), d.getInteger("year"), d.getString("agency"),
                        d.getString("title"), d.getString("_id"))));
        places.sort(Place.ORDER);
        for (int i = 0; i < places.size(); i += BATCH) {
            List<String> ids = places.subList(i, Math.min(places.size(), i + BATCH)).stream().map(Place::id).toList();
            Map<String, Report> byId = new HashMap<>();
            reports.find(in("_id", ids)).forEach(d -> byId.put(d.getString("_id"), fromDocument(d)));
            ids.stream().map(byId::get).filter(Objects::nonNull).forEach(action);
        }
    }

    /** The portals the stored reports name (in their originals' and article pages' texts), each with the reports naming it. */
    public Map<PortalMention, List<Report>> portalMentions() {
        Map<PortalMention, List<Report>> named = new LinkedHashMap<>();
        for (Report r : reports(Optional.empty(), OptionalInt.empty())) {
            Set<String> digests = new LinkedHashSet<>();
            r.originals().forEach(o -> digests.add(o.sha256()));
            r.articleUrl().flatMap(captures::latestContent).ifPresent(c -> digests.add(c.sha256()));
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
                .append("locations", r.locations())
                .append("status", r.status().name().toLowerCase(Locale.ROOT))
                .append("removed_at", r.removedAt().map(x -> Date.from(x.at())).orElse(null))
                .append("removal_evidence", r.removedAt().map(Report.Removal::evidence).orElse(null))
                .append("versions", r.versions().stream().map(v -> new Document("url", v.url()).append("sha256", v.sha256())
                        .append("first_seen", Date.from(v.firstSeen())).append("last_seen", Date.from(v.lastSeen()))).toList());
    }

    private static Report fromDocument(Document d) {
        List<ReportOriginal> originals = d.getList("originals", Document.class, List.of()).stream()
                .map(o -> new ReportOriginal(o.getString("url"), o.getString("sha256"), o.getString("content_type"),
                        Optional.ofNullable(o.getString("filename")))).toList();
        return new Report(d.getString("_id"), d.getString("site"), d.getString("agency"), d.getInteger("year"),
                d.getString("title"), Optional.ofNullable(d.getString("published")).map(LocalDate::parse),
                d.get("published_source", ""), d.get("publisher", ""),
                Optional.ofNullable(d.getString("article_url")), originals, d.getList("locations", String.class, List.of()),
                Report.Status.valueOf(d.get("status", "current").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(d.getDate("removed_at")).map(at -> new Report.Removal(at.toInstant(), d.getString("removal_evidence"))),
                d.getList("versions", Document.class, List.of()).stream().map(v -> new ReportVersion(v.getString("url"),
                        v.getString("sha256"), v.getDate("first_seen").toInstant(), v.getDate("last_seen").toInstant())).toList());
    }
}
