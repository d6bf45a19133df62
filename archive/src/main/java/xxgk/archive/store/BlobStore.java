package xxgk.archive.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Date;

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

    public BlobStore(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, "raw");
        this.index = db.getCollection("blobs");
    }

    public boolean contains(String sha256) {
        return index.find(new Document(DIGEST, sha256)).limit(1).first() != null;
    }

    /** Stores file (whose digest and size the caller computed while writing it) unless present; true when new. */
    public boolean put(Path file, String sha256, long size) throws IOException {
        if (contains(sha256)) {
            return false;
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
