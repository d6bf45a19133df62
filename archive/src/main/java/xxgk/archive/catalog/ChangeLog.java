package xxgk.archive.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * The change log of the catalog, collection {@code changes}: one document per {@link ReportChange}, appended as the
 * crawls see reports appear, change, disappear and come back. Entries are never updated or deleted.
 */
public final class ChangeLog {

    private final MongoCollection<Document> changes;

    public ChangeLog(MongoDatabase db) {
        this.changes = db.getCollection("changes");
    }

    void append(ReportChange c) {
        changes.insertOne(new Document("_id", new ObjectId())
                .append("kind", c.kind().name().toLowerCase(Locale.ROOT))
                .append("report", c.report()).append("agency", c.agency()).append("year", c.year()).append("site", c.site())
                .append("url", c.url()).append("at", Date.from(c.at())).append("run", c.run())
                .append("old_sha256", c.oldSha256().orElse(null)).append("new_sha256", c.newSha256().orElse(null)));
    }

    /** The changes seen at or after since (all when empty), of one site when given, oldest first. */
    public List<ReportChange> since(Optional<Instant> since, Optional<String> site) {
        List<Bson> filters = new ArrayList<>();
        since.ifPresent(t -> filters.add(gte("at", Date.from(t))));
        site.ifPresent(s -> filters.add(eq("site", s)));
        List<ReportChange> result = new ArrayList<>();
        changes.find(filters.isEmpty() ? new Document() : and(filters)).sort(Sorts.ascending("at", "_id"))
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    /** The changes a crawl run saw, oldest first. */
    public List<ReportChange> ofRun(String run) {
        List<ReportChange> result = new ArrayList<>();
        changes.find(eq("run", run)).sort(Sorts.ascending("at", "_id")).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static ReportChange fromDocument(Document d) {
        return new ReportChange(ReportChange.Kind.valueOf(d.getString("kind").toUpperCase(Locale.ROOT)), d.getString("report"),
                d.getString("agency"), d.getInteger("year"), d.getString("site"), d.getString("url"), d.getDate("at").toInstant(),
                d.getString("run"), Optional.ofNullable(d.getString("old_sha256")), Optional.ofNullable(d.getString("new_sha256")));
    }
}
