package xxgk.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import xxgk.archive.store.BlobStore;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.store.GridFsOriginals;

/**
 * The shape of what an archive stores, numbered, in {@code meta/format}. An archive outlives versions of xxgk: one
 * written by an older version is migrated in place when it is opened, step by step, each step safe to run again
 * should a kill interrupt it (the number is written last). One written by a newer version is refused.
 *
 * <ol>
 *   <li>xxgk 0.1: no {@code meta} document.</li>
 *   <li>Captures are responses or revisits ({@code kind}); reports are records with a {@code status} and their
 *       originals' {@code versions}, and their events go to {@code changes}.</li>
 *   <li>Originals leave GridFS: each is found by its digest alone, inline or in chunks keyed by digest and sequence
 *       ({@link BlobStore}); each URL names its latest capture ({@code latest}), so that listings need no history.</li>
 *   <li>Each URL's latest capture is also kept without its headers and exchange ({@code listed}), what a listing reads.
 *       The embedded server stores documents as BSON as they are written ({@link StoredDocumentType}); the number
 *       tells an older xxgk, which cannot read them, to refuse the archive.</li>
 * </ol>
 */
final class ArchiveFormat {

    static final int CURRENT = 4;

    private ArchiveFormat() {
    }

    /**
     * Brings the archive to the current format; returns one line per migration done, for the user to see. embedded:
     * whether the archive is the embedded server's.
     */
    static List<String> migrate(MongoDatabase db, boolean embedded) {
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
        if (version < 3) {
            GridFsOriginals.Moved moved;
            try {
                moved = new GridFsOriginals(db).moveInto(new BlobStore(db, Optional.empty()));
            } catch (IOException e) {
                throw new ArchiveException("cannot migrate the archive's originals to format 3 (open it again to carry on): " + e.getMessage(), e);
            }
            long urls = new CaptureStore(db).recordLatestOfEachUrl();
            done.add("archive migrated to format 3: " + moved.originals() + " originals moved out of GridFS, " + urls
                    + " URLs given their latest capture" + (moved.damaged() == 0 ? "" : "; " + moved.damaged()
                    + " originals were already damaged and were moved as they were (xxgk check lists them)"));
        }
        if (version < 4) {
            long listed = new CaptureStore(db).listEachUrl();
            done.add("archive migrated to format 4: " + listed + " URLs listed apart from their history"
                    + (embedded ? "; documents are stored as BSON as they are written" : ""));
        }
        if (format == null || version < CURRENT) {
            meta.replaceOne(eq("_id", "format"), new Document("_id", "format").append("version", CURRENT),
                    new ReplaceOptions().upsert(true));
        }
        return done;
    }
}
