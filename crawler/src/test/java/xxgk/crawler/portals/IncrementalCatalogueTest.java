package xxgk.crawler.portals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.Cataloguing;
import xxgk.archive.EmbeddedArchiveClient;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportChange;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;

/**
 * The catalogue a crawl builds from what it captured is the one a whole rebuild builds. A portal is crawled, changed
 * ({@link ChangingPortal}: one report corrected, one added, one taken down — 404 — and one taken off its list) and
 * crawled again, the rest revisited; then a part of it is visited again (a few revisits, one report's article gone),
 * as a crawl cut short by its budget would. After each, the catalogue is compared with a whole refresh of a copy of
 * the same archive whose catalogue is as it was before: every report record, field by field, and the change log.
 */
class IncrementalCatalogueTest {

    /** The run that visits a part of the portal again. */
    private static final String PARTIAL = "partial";

    @TempDir
    Path dir;

    @Test
    void theCatalogueOfWhatARunCapturedIsTheOneAWholeRebuildBuilds() throws Exception {
        ChangingPortal[] portal = new ChangingPortal[1];
        Path data = dir.resolve("data");
        try (FixturePortals server = FixturePortals.start(base -> List.of(portal[0] = new ChangingPortal(base.apply(ChangingPortal.HOST))));
             Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
             MongoClient client = MongoClients.create(EmbeddedArchiveClient.connectionString(data))) {
            MongoDatabase crawled = client.getDatabase(Archive.DEFAULT_DATABASE);
            FixtureCrawl.runQuietly(server, archive, data);

            Catalogue before = Catalogue.of(crawled);
            portal[0].change();
            portal[0].drop();
            CrawlRun second = FixtureCrawl.runQuietly(server, archive, data);
            assertThat(archive.catalog().changes().ofRun(second.id())).extracting(ReportChange::kind).containsExactlyInAnyOrder(
                    ReportChange.Kind.NEW, ReportChange.Kind.CHANGED, ReportChange.Kind.REMOVED, ReportChange.Kind.REMOVED);
            Report dropped = report(archive, portal[0].dropped());
            assertThat(dropped.status()).isEqualTo(Report.Status.REMOVED);
            assertThat(dropped.removedAt().orElseThrow().evidence()).startsWith("no longer linked from");
            assertWholeRebuildIsTheSame(data, client, before, "xxgk_copy1");

            before = Catalogue.of(crawled);
            List<Report> revisited = archive.catalog().reports(Optional.of(ChangingPortal.SITE), OptionalInt.empty()).stream()
                    .filter(r -> r.status() == Report.Status.CURRENT).limit(3).toList();
            Instant at = Instant.now();
            for (Report r : revisited) {
                revisit(archive, r.originals().get(0).url(), at = at.plusSeconds(1));
            }
            revisit(archive, revisited.get(0).articleUrl().orElseThrow(), at = at.plusSeconds(1));
            Capture notFound = archive.captures().latest(report(archive, portal[0].takenDown()).articleUrl().orElseThrow()).orElseThrow();
            notFound(archive, report(archive, portal[0].added()).articleUrl().orElseThrow(), notFound, at.plusSeconds(1));
            Cataloguing.of(archive, PARTIAL, List.of(ChangingPortal.SITE));
            assertThat(report(archive, portal[0].added()).status()).isEqualTo(Report.Status.REMOVED);
            assertThat(archive.catalog().changes().ofRun(PARTIAL)).extracting(ReportChange::kind).containsExactly(ReportChange.Kind.REMOVED);
            assertWholeRebuildIsTheSame(data, client, before, "xxgk_copy2");
        }
    }

    /** The catalogue as it stands: its report records and its change log. */
    private record Catalogue(List<Document> reports, List<Document> changes) {
        static Catalogue of(MongoDatabase db) {
            return new Catalogue(all(db, "reports"), all(db, "changes"));
        }
    }

    /**
     * A copy of the crawled archive, its catalogue as it was before, rebuilt whole: its report records and change log
     * are the ones the crawled archive's catalogue was brought to.
     */
    private static void assertWholeRebuildIsTheSame(Path data, MongoClient client, Catalogue before, String copyName) throws Exception {
        MongoDatabase crawled = client.getDatabase(Archive.DEFAULT_DATABASE);
        MongoDatabase copied = client.getDatabase(copyName);
        for (String name : crawled.listCollectionNames()) {
            List<Document> docs = name.equals("reports") ? before.reports() : name.equals("changes") ? before.changes() : all(crawled, name);
            if (!docs.isEmpty()) {
                copied.getCollection(name).insertMany(docs);
            }
        }
        String uri = EmbeddedArchiveClient.connectionString(data).replace("/?", "/" + copyName + "?");
        try (Archive copy = Archive.open(new ArchiveLocation(data.resolveSibling(copyName), Optional.of(uri)))) {
            copy.catalog().refresh(List.of(ChangingPortal.SITE));
        }
        assertThat(all(copied, "reports")).hasSize(21).isEqualTo(all(crawled, "reports"));
        assertThat(changes(copied)).isEqualTo(changes(crawled));
    }

    private static List<Document> all(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** The change log in its order, without the ids its entries were given when appended. */
    private static List<Document> changes(MongoDatabase db) {
        List<Document> changes = db.getCollection("changes").find().sort(Sorts.ascending("at", "_id")).into(new ArrayList<>());
        changes.forEach(c -> c.remove("_id"));
        return changes;
    }

    private static Report report(Archive archive, ChangingPortal.Entry entry) {
        return archive.catalog().reports(Optional.of(ChangingPortal.SITE), OptionalInt.empty()).stream()
                .filter(r -> r.title().equals(entry.title())).findFirst().orElseThrow();
    }

    /** A 304 for url, as a crawl records it: its latest content stands for it. */
    private static void revisit(Archive archive, String url, Instant at) {
        Capture last = archive.captures().latest(url).orElseThrow();
        Capture content = archive.captures().content(last).orElseThrow();
        archive.captures().record(new Capture(null, url, url, 304, content.headers(), at, content.sha256(), content.size(),
                content.contentType(), last.site(), PARTIAL, last.foundOn(), Optional.empty(), last.anchor(), "GET",
                Capture.Kind.REVISIT, Optional.of(content.id()), Optional.empty()));
    }

    /** A 404 for url, answered with the page another 404 was. */
    private static void notFound(Archive archive, String url, Capture page, Instant at) {
        Capture last = archive.captures().latest(url).orElseThrow();
        archive.captures().record(new Capture(null, url, url, 404, page.headers(), at, page.sha256(), page.size(), page.contentType(),
                last.site(), PARTIAL, last.foundOn(), Optional.empty(), last.anchor(), "GET", Capture.Kind.RESPONSE,
                Optional.empty(), Optional.empty()));
    }
}
