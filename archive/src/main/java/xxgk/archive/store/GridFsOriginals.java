package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * The originals as archive format 2 kept them: GridFS files ({@code raw.files}, {@code raw.chunks}) named by their
 * blob document's {@code file}. Read once, to move them into {@link BlobStore}'s layout.
 *
 * <p>GridFS finds a file's chunks by {@code files_id}, which the embedded server cannot index, so the chunks' ids are
 * gathered in one pass without their bytes and each chunk is then read by its own id. An original is switched to
 * the new layout only once its bytes are there, and GridFS is dropped only when none is left in it: a kill midway
 * leaves originals readable one way or the other, and opening the archive again carries on.
 */
public final class GridFsOriginals {

    /** What {@link #moveInto} did: originals moved, and how many of them no longer hashed to their digest in GridFS. */
    public record Moved(int originals, int damaged) {}

    private final MongoCollection<Document> index;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;

    public GridFsOriginals(MongoDatabase db) {
        this.index = db.getCollection("blobs");
        this.files = db.getCollection("raw.files");
        this.chunks = db.getCollection("raw.chunks");
    }

    /** Moves every original still in GridFS into blobs, then drops GridFS (its unpublished uploads with it). */
    public Moved moveInto(BlobStore blobs) throws IOException {
        List<Document> pending = index.find(exists("file")).projection(Projections.include("_id", "file")).into(new ArrayList<>());
        Map<ObjectId, TreeMap<Integer, Object>> chunkIds = new HashMap<>();
        if (!pending.isEmpty()) {
            for (Document c : chunks.find().projection(Projections.include("_id", "files_id", "n"))) {
                chunkIds.computeIfAbsent(c.getObjectId("files_id"), f -> new TreeMap<>()).put(c.getInteger("n"), c.get("_id"));
            }
        }
        int damaged = 0;
        for (Document blob : pending) {
            String sha256 = blob.getString("_id");
            MessageDigest digest = Sha256.newDigest();
            Iterator<Object> ids = chunkIds.getOrDefault(blob.getObjectId("file"), new TreeMap<>()).values().iterator();
            // Each chunk is read only when the stream reaches it: an original's chunks are never all in memory.
            Enumeration<InputStream> inOrder = new Enumeration<>() {
                @Override
                public boolean hasMoreElements() {
                    return ids.hasNext();
                }

                @Override
                public InputStream nextElement() {
                    Document c = chunks.find(eq("_id", ids.next())).first();
                    return c == null ? InputStream.nullInputStream() : new ByteArrayInputStream(c.get("data", Binary.class).getData());
                }
            };
            try (InputStream in = new DigestInputStream(new SequenceInputStream(inOrder), digest)) {
                blobs.adopt(sha256, in);
            }
            if (!Sha256.hex(digest).equals(sha256)) {
                damaged++; // moved as it was: reading it, or xxgk check, says so as before
            }
        }
        files.drop();
        chunks.drop();
        return new Moved(pending.size(), damaged);
    }
}
