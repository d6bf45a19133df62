package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

import xxgk.archive.ArchiveException;
import xxgk.archive.DiskSpace;
import xxgk.archive.text.Extraction;

/** Extracted text, one per original (by SHA-256): identical bytes are extracted once. */
public final class TextStore {

    private static final int BATCH = 500;
    /** Bytes of UTF-8 text kept per original. */
    public static final int MAX_TEXT_BYTES = 8 << 20;

    private final MongoCollection<Document> texts;

    private final Optional<Path> localDisk;

    /** localDisk: the directory whose disk holds the database, when it is this machine's (the embedded archive). */
    public TextStore(MongoDatabase db, Optional<Path> localDisk) {
        this.localDisk = localDisk;
        this.texts = db.getCollection("texts");
    }

    public boolean contains(String sha256) {
        return texts.find(eq("_id", sha256)).limit(1).first() != null;
    }

    /**
     * Stores the extraction; a text over {@link #MAX_TEXT_BYTES} keeps its beginning and is flagged TRUNCATED (a
     * MongoDB document holds 16 MB at most, and the original stays archived whole). Returns what was stored. On a
     * local disk without room for it, nothing is written ({@link ArchiveException} naming the disk).
     */
    public Extraction put(String sha256, Extraction extraction) {
        Extraction e = fitting(extraction);
        if (localDisk.isPresent()) {
            try {
                DiskSpace.ensure(localDisk.get(), e.text().length() * 3L);
            } catch (DiskSpace.FullException full) {
                throw new ArchiveException(full.getMessage(), full);
            }
        }
        texts.replaceOne(eq("_id", sha256), document(sha256, e), new ReplaceOptions().upsert(true));
        return e;
    }

    private static Document document(String sha256, Extraction e) {
        return new Document("_id", sha256)
                .append("media_type", e.mediaType())
                .append("charset", e.charset().orElse(null))
                .append("text", e.text())
                .append("status", e.status().name())
                .append("problem", e.problem().orElse(null))
                .append("extractor", e.extractor())
                .append("extracted_at", new Date());
    }

    /** Which of the given originals have a text, in one query. */
    public Set<String> containing(Collection<String> sha256s) {
        Set<String> held = new HashSet<>();
        List<String> all = List.copyOf(new HashSet<>(sha256s));
        for (int i = 0; i < all.size(); i += BATCH) {
            texts.find(in("_id", all.subList(i, Math.min(all.size(), i + BATCH)))).projection(Projections.include("_id"))
                    .forEach(d -> held.add(d.getString("_id")));
        }
        return held;
    }

    /** Stores each extraction as {@link #put} does, in one write for the lot; returns what was stored, by SHA-256. */
    public Map<String, Extraction> putAll(Map<String, Extraction> extractions) {
        Map<String, Extraction> stored = new HashMap<>();
        extractions.forEach((sha256, e) -> stored.put(sha256, fitting(e)));
        if (stored.isEmpty()) {
            return stored;
        }
        if (localDisk.isPresent()) {
            try {
                DiskSpace.ensure(localDisk.get(), stored.values().stream().mapToLong(e -> e.text().length() * 3L).sum());
            } catch (DiskSpace.FullException full) {
                throw new ArchiveException(full.getMessage(), full);
            }
        }
        texts.bulkWrite(stored.entrySet().stream().map(s -> new ReplaceOneModel<>(eq("_id", s.getKey()), document(s.getKey(), s.getValue()),
                new ReplaceOptions().upsert(true))).toList());
        return stored;
    }

    static Extraction fitting(Extraction e) {
        byte[] utf8 = e.text().getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) {
            return e;
        }
        String kept = new String(utf8, 0, MAX_TEXT_BYTES, StandardCharsets.UTF_8);
        if (kept.endsWith("\uFFFD")) {
            kept = kept.substring(0, kept.length() - 1); // the character cut in two
        }
        String problem = "text of " + (utf8.length >> 20) + " MB cut to its first " + (MAX_TEXT_BYTES >> 20) + " MB";
        return new Extraction(e.mediaType(), e.charset(), kept,
                e.status() == Extraction.Status.BOMB ? Extraction.Status.BOMB : Extraction.Status.TRUNCATED,
                Optional.of(e.problem().map(p -> p + "; " + problem).orElse(problem)), e.extractor());
    }

    public Optional<Extraction> get(String sha256) {
        Document d = texts.find(eq("_id", sha256)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new Extraction(d.getString("media_type"), Optional.ofNullable(d.getString("charset")),
                d.getString("text"), Extraction.Status.valueOf(d.getString("status")),
                Optional.ofNullable(d.getString("problem")), d.getString("extractor")));
    }

    /** The detected media type of each given original that has a text, by SHA-256; the texts are not read. */
    public Map<String, String> mediaTypes(Collection<String> sha256s) {
        List<String> all = new ArrayList<>(sha256s);
        Map<String, String> types = new HashMap<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            for (Document d : texts.find(in("_id", all.subList(i, Math.min(all.size(), i + BATCH))))
                    .projection(Projections.include("media_type"))) {
                types.put(d.getString("_id"), d.getString("media_type"));
            }
        }
        return types;
    }
}
