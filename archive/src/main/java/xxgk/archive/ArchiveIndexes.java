package xxgk.archive;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/**
 * The secondary indexes a real MongoDB gets for the archive's scans: URLs by their latest capture's time
 * ({@code list --since}), a site's captures in time (the WARC export), the change log by time and run.
 * Every hot-path lookup is by {@code _id} and needs none. The embedded server accepts non-unique indexes but never
 * uses them, so it is not given them.
 */
final class ArchiveIndexes {

    private ArchiveIndexes() {
    }

    /** Creates what is missing; creating an existing index is a no-op on MongoDB. */
    static void create(MongoDatabase db) {
        index(db, "urls", Indexes.ascending("latest.at"));
        index(db, "captures", Indexes.ascending("site", "fetched_at"));
        index(db, "changes", Indexes.ascending("at", "_id"));
        index(db, "changes", Indexes.ascending("site", "at"));
        index(db, "changes", Indexes.ascending("run"));
    }

    private static void index(MongoDatabase db, String collection, Bson keys) {
        db.getCollection(collection, Document.class).createIndex(keys);
    }
}
