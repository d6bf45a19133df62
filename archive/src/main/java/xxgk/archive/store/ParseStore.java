package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The parsed tables of originals, one per original (by SHA-256), with the parser version that produced them, so
 * that a better parser can redo them from the archived bytes without a crawl. The result is kept as the JSON text
 * of {@code xxgk parse --json}: its table keys contain dots, which MongoDB field names should not.
 */
public final class ParseStore {

    private final MongoCollection<Document> parses;

    public ParseStore(MongoDatabase db) {
        this.parses = db.getCollection("parses");
    }

    public void put(StoredParse parse) {
        Document d = new Document("_id", parse.sha256())
                .append("parser_version", parse.parserVersion())
                .append("parsed_at", Date.from(parse.parsedAt()))
                .append("result", parse.result().orElse(null))
                .append("cells", parse.cells().orElse(null))
                .append("cell_count", parse.cellCount())
                .append("problem", parse.problem().orElse(null));
        parses.replaceOne(eq("_id", parse.sha256()), d, new ReplaceOptions().upsert(true));
    }

    /** The version of the parser that parsed the original, without reading its result. */
    public Optional<String> parserVersion(String sha256) {
        Document d = parses.find(eq("_id", sha256)).projection(Projections.include("parser_version")).first();
        return Optional.ofNullable(d).map(doc -> doc.getString("parser_version"));
    }

    public Optional<StoredParse> get(String sha256) {
        Document d = parses.find(eq("_id", sha256)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredParse(sha256, d.getString("parser_version"), d.getDate("parsed_at").toInstant(),
                Optional.ofNullable(d.getString("result")), Optional.ofNullable(d.getString("cells")),
                d.getInteger("cell_count", 0), Optional.ofNullable(d.getString("problem"))));
    }
}
