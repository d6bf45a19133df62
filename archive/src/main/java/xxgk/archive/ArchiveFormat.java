package xxgk.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * The shape of what an archive stores, numbered, in {@code meta/format}. An archive outlives versions of xxgk: one
 * written by an older version is migrated in place when it is opened, step by step, each step safe to run again
 * should a kill interrupt it (the number is written last). One written by a newer version is refused.
 *
 * <ol>
 *   <li>xxgk 0.1: no {@code meta} document.</li>
 *   <li>Captures are responses or revisits ({@code kind}); reports are records with a {@code status} and their
 *       originals' {@code versions}, and their events go to {@code changes}.</li>
 * </ol>
 */
final class ArchiveFormat {

    static final int CURRENT = 2;

    private ArchiveFormat() {
    }

    /** Brings the archive to the current format; returns one line per migration done, for the user to see. */
    static List<String> migrate(MongoDatabase db) {
        MongoCollection<Document> meta = db.getCollection("meta");
        Document format = meta.find(eq("_id", "format")).first();
        int version = format == null ? (db.getCollection("captures").countDocuments() == 0 ? CURRENT : 1) : format.getInteger("version");
        if (version > CURRENT) {
            throw new ArchiveException("this archive was written by a newer xxgk (archive format " + version
                    + ", this one reads up to " + CURRENT + "); use that version or newer");
        }
        List<String> done = new ArrayList<>();
        if (version < 2) {
            long captures = db.getCollection("captures").updateMany(exists("kind", false),
                    Updates.set("kind", "response")).getModifiedCount();
            long reports = db.getCollection("reports").updateMany(exists("status", false),
                    Updates.combine(Updates.set("status", "current"), Updates.set("versions", List.of()))).getModifiedCount();
            done.add("archive migrated to format 2: " + captures + " captures marked as responses, " + reports
                    + " reports made records (status current; their versions and change log start at the next crawl)");
        }
        if (format == null || version < CURRENT) {
            meta.replaceOne(eq("_id", "format"), new Document("_id", "format").append("version", CURRENT),
                    new ReplaceOptions().upsert(true));
        }
        return done;
    }
}
