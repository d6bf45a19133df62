package xxgk.archive.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

import xxgk.archive.DiskSpace;

/**
 * Raw originals, byte for byte, stored once per distinct content.
 *
 * <p>Bytes go to GridFS under a fresh id first; only then does a document keyed by the SHA-256 publish them.
 * A crash mid-upload therefore leaves unreferenced chunks, never a digest pointing at half a file, and two
 * crawlers storing the same bytes race on the unique digest key, not on GridFS internals.
 */
public final class BlobStore {

    private static final String DIGEST = "_id";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> index;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;

    private final Optional<Path> localDisk;

    /** localDisk: the directory whose disk holds the database, when it is this machine's (the embedded archive). */
    public BlobStore(MongoDatabase db, Optional<Path> localDisk) {
        this.localDisk = localDisk;
        this.bucket = GridFSBuckets.create(db, "raw");
        this.index = db.getCollection("blobs");
        this.files = db.getCollection("raw.files");
        this.chunks = db.getCollection("raw.chunks");
    }

    public boolean contains(String sha256) {
        return index.find(new Document(DIGEST, sha256)).limit(1).first() != null;
    }

    /**
     * Stores file (whose digest and size the caller computed while writing it) unless present; true when new. On a
     * local disk without room for it, nothing is written: {@link DiskSpace.FullException}.
     */
    public boolean put(Path file, String sha256, long size) throws IOException {
        if (contains(sha256)) {
            return false;
        }
        if (localDisk.isPresent()) {
            DiskSpace.ensure(localDisk.get(), size);
        }
        ObjectId id = new ObjectId();
        try (InputStream in = Files.newInputStream(file)) {
            bucket.uploadFromStream(new BsonObjectId(id), sha256, in, new GridFSUploadOptions().chunkSizeBytes(1 << 20));
        }
        try {
            index.insertOne(new Document(DIGEST, sha256).append("file", id).append("size", size).append("stored_at", new Date()));
            return true;
        } catch (MongoWriteException e) {
            bucket.delete(id);
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** What {@link #sweep} removed: uploads no digest publishes, and their bytes. */
    public record Swept(int uploads, long bytes) {}

    /**
     * Removes what killed uploads left: GridFS files no digest publishes and chunks of files never completed, if
     * their upload began before {@code startedBefore} (an upload under way now is younger, and is left alone).
     */
    public Swept sweep(Instant startedBefore) {
        Set<ObjectId> published = new HashSet<>();
        index.find().projection(new Document("file", 1)).forEach(d -> published.add(d.getObjectId("file")));
        Set<ObjectId> complete = new HashSet<>();
        int uploads = 0;
        long bytes = 0;
        for (Document f : files.find().projection(new Document("_id", 1).append("length", 1))) {
            ObjectId id = f.getObjectId("_id");
            if (published.contains(id) || !id.getDate().toInstant().isBefore(startedBefore)) {
                complete.add(id);
                continue;
            }
            bucket.delete(id);
            uploads++;
            bytes += ((Number) f.get("length")).longValue();
        }
        for (ObjectId id : chunks.distinct("files_id", ObjectId.class)) {
            if (!complete.contains(id) && !published.contains(id) && id.getDate().toInstant().isBefore(startedBefore)) {
                bytes += chunkBytes(id);
                chunks.deleteMany(new Document("files_id", id));
                uploads++;
            }
        }
        return new Swept(uploads, bytes);
    }

    private long chunkBytes(ObjectId fileId) {
        long n = 0;
        for (Document c : chunks.find(new Document("files_id", fileId)).projection(new Document("data", 1))) {
            n += c.get("data", org.bson.types.Binary.class).length();
        }
        return n;
    }

    /** The original's bytes; reading to the end fails with an IOException if they no longer match their digest. */
    public InputStream open(String sha256) throws IOException {
        Document entry = index.find(new Document(DIGEST, sha256)).first();
        if (entry == null) {
            throw new IOException("no original with sha256 " + sha256 + " in the archive");
        }
        // batchSize: the embedded server ignores the 16 MB reply limit and large files fail without it.
        InputStream raw = bucket.openDownloadStream(entry.getObjectId("file")).batchSize(16);
        return new VerifyingStream(raw, sha256);
    }

    private static final class VerifyingStream extends FilterInputStream {
        private final MessageDigest digest = Sha256.newDigest();
        private final String expected;
        private boolean verified;

        VerifyingStream(InputStream in, String expected) {
            super(in);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                verify();
            } else {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                verify();
            } else {
                digest.update(buf, off, n);
            }
            return n;
        }

        private void verify() throws IOException {
            if (!verified) {
                verified = true;
                String actual = Sha256.hex(digest);
                if (!actual.equals(expected)) {
                    throw new IOException("archived original " + expected + " is damaged: its bytes now hash to " + actual);
                }
            }
        }
    }
}
