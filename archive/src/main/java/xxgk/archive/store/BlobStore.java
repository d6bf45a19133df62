package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import xxgk.archive.DiskSpace;

/**
 * Raw originals, byte for byte, stored once per distinct content, each found by its SHA-256 alone.
 *
 * <p>An original's document in {@code blobs} is keyed by its digest; one of at most {@link #CHUNK} bytes holds them
 * inline ({@code data}), a larger one names how many chunks it has ({@code chunks}), each a document of
 * {@code blob_chunks} keyed {@code digest/sequence}. Every read is thus a unique-key lookup, the only index the
 * embedded server really has. Chunks are written before the document that publishes them: a crash mid-write leaves
 * unpublished chunks ({@link #sweep}), never a digest pointing at half a file; two crawlers storing the same bytes
 * write identical chunks and race on the unique digest key.
 */
public final class BlobStore {

    /** Bytes per chunk, and the most an original may have to be kept inline. */
    static final int CHUNK = 1 << 20;

    private static final String DIGEST = "_id";

    private final MongoCollection<Document> index;
    private final MongoCollection<Document> chunks;

    private final Optional<Path> localDisk;

    /** localDisk: the directory whose disk holds the database, when it is this machine's (the embedded archive). */
    public BlobStore(MongoDatabase db, Optional<Path> localDisk) {
        this.localDisk = localDisk;
        this.index = db.getCollection("blobs");
        this.chunks = db.getCollection("blob_chunks");
    }

    public boolean contains(String sha256) {
        return index.find(eq(DIGEST, sha256)).projection(Projections.include(DIGEST)).first() != null;
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
        Document blob = new Document(DIGEST, sha256).append("size", size).append("stored_at", new Date());
        try (InputStream in = Files.newInputStream(file)) {
            blob.putAll(write(sha256, in));
        }
        try {
            index.insertOne(blob);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** A file to store as an original, with the digest and size computed while it was written. */
    public record Upload(Path file, String sha256, long size) {}

    /**
     * Stores those not present, as {@link #put} does, and returns the digests newly stored: the small originals (inline)
     * in one insert, those already held refused by their digest; a larger one is looked up and written chunk by chunk
     * as {@link #put} writes it. The disk must have room for all the small ones, held or not.
     */
    public Set<String> putAll(Collection<Upload> uploads) throws IOException {
        Map<String, Upload> distinct = new LinkedHashMap<>();
        uploads.forEach(u -> distinct.putIfAbsent(u.sha256(), u));
        Set<String> stored = new HashSet<>();
        List<Document> inline = new ArrayList<>();
        for (Upload u : distinct.values()) {
            if (u.size() > CHUNK) {
                if (put(u.file(), u.sha256(), u.size())) {
                    stored.add(u.sha256());
                }
                continue;
            }
            Document blob = new Document(DIGEST, u.sha256()).append("size", u.size()).append("stored_at", new Date());
            try (InputStream in = Files.newInputStream(u.file())) {
                blob.putAll(write(u.sha256(), in));
            }
            inline.add(blob);
        }
        if (localDisk.isPresent() && !inline.isEmpty()) {
            DiskSpace.ensure(localDisk.get(), inline.stream().mapToLong(d -> ((Number) d.get("size")).longValue()).sum());
        }
        Set<Integer> held = KeyedInsert.heldAmong(index, inline);
        for (int i = 0; i < inline.size(); i++) {
            if (!held.contains(i)) {
                stored.add(inline.get(i).getString(DIGEST));
            }
        }
        return stored;
    }

    /**
     * Moves the bytes of an original that format 2 kept in GridFS into this layout (see {@link GridFsOriginals}):
     * written first, then its document switched over in one update.
     */
    void adopt(String sha256, InputStream in) throws IOException {
        index.updateOne(eq(DIGEST, sha256), new Document("$set", write(sha256, in)).append("$unset", new Document("file", "")));
    }

    /** Writes in's chunks, if it needs any; returns the fields that point at the bytes. */
    private Document write(String sha256, InputStream in) throws IOException {
        byte[] first = in.readNBytes(CHUNK);
        byte[] next = in.readNBytes(CHUNK);
        if (next.length == 0) {
            return new Document("data", new Binary(first));
        }
        writeChunk(sha256, 0, first);
        int n = 1;
        for (; next.length > 0; next = in.readNBytes(CHUNK)) {
            writeChunk(sha256, n++, next);
        }
        return new Document("chunks", n);
    }

    private void writeChunk(String sha256, int n, byte[] data) {
        // Replaced, not inserted: a killed write of the same digest may have left this very chunk. Two writers
        // inserting it at once race on its key; the loser's bytes are the winner's.
        try {
            chunks.replaceOne(eq("_id", chunkKey(sha256, n)),
                    new Document("_id", chunkKey(sha256, n)).append("data", new Binary(data)).append("written_at", new Date()),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String chunkKey(String sha256, int n) {
        return sha256 + "/" + String.format(Locale.ROOT, "%06d", n);
    }

    /** What {@link #sweep} removed: unpublished writes, and their bytes. */
    public record Swept(int uploads, long bytes) {}

    /**
     * Removes what killed writes left: chunks no digest publishes, if written before {@code startedBefore} (a write
     * under way now is younger, and is left alone).
     */
    public Swept sweep(Instant startedBefore) {
        Set<String> swept = new HashSet<>();
        Set<String> published = new HashSet<>();
        long bytes = 0;
        for (Document c : chunks.find().projection(Projections.include("_id", "written_at"))) {
            String key = c.getString("_id");
            String sha256 = key.substring(0, key.indexOf('/'));
            if (published.contains(sha256) || !c.getDate("written_at").toInstant().isBefore(startedBefore)) {
                continue;
            }
            if (contains(sha256)) {
                published.add(sha256);
                continue;
            }
            // Only if still old: a write of the same digest may have replaced it since it was listed.
            Document gone = chunks.findOneAndDelete(Filters.and(eq("_id", key), Filters.lt("written_at", Date.from(startedBefore))));
            if (gone != null) {
                bytes += gone.get("data", Binary.class).length();
                swept.add(sha256);
            }
        }
        return new Swept(swept.size(), bytes);
    }

    /** The original's bytes; reading to the end fails with an IOException if they no longer match their digest. */
    public InputStream open(String sha256) throws IOException {
        Document entry = index.find(eq(DIGEST, sha256)).first();
        if (entry == null) {
            throw new IOException("no original with sha256 " + sha256 + " in the archive");
        }
        Binary inline = entry.get("data", Binary.class);
        InputStream raw = inline != null ? new ByteArrayInputStream(inline.getData())
                : new SequenceInputStream(new Chunks(sha256, entry.getInteger("chunks", 0)));
        return new VerifyingStream(raw, sha256);
    }

    /** An original's chunks in order, each read by its key when the previous one is used up. */
    private final class Chunks implements Enumeration<InputStream> {
        private final String sha256;
        private final int count;
        private int n;

        Chunks(String sha256, int count) {
            this.sha256 = sha256;
            this.count = count;
        }

        @Override
        public boolean hasMoreElements() {
            return n < count;
        }

        @Override
        public InputStream nextElement() {
            if (n >= count) {
                throw new NoSuchElementException();
            }
            Document chunk = chunks.find(eq("_id", chunkKey(sha256, n++))).first();
            // A missing chunk ends the bytes early: the digest check then reports the original damaged.
            return chunk == null ? InputStream.nullInputStream() : new ByteArrayInputStream(chunk.get("data", Binary.class).getData());
        }
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
