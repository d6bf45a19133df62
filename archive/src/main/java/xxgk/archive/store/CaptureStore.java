package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;

/**
 * The captures, and per URL the list of its captures in time. Lookups go through the unique keys (a URL, a
 * capture id) because the embedded server ignores secondary indexes.
 */
public final class CaptureStore {

    private static final int BATCH = 500;

    private final MongoCollection<Document> captures;
    private final MongoCollection<Document> urls;

    public CaptureStore(MongoDatabase db) {
        this.captures = db.getCollection("captures");
        this.urls = db.getCollection("urls");
    }

    /** Records a capture whose original is already in the blob store; returns the id given to it. */
    public ObjectId record(Capture capture) {
        ObjectId id = new ObjectId();
        captures.insertOne(toDocument(capture).append("_id", id));
        // Written after the capture: a crash in between leaves a capture no URL lists yet, never a dangling entry.
        // Added as a set: a write the driver retries (its server gone mid-way) does not list the capture twice.
        urls.updateOne(eq("_id", capture.url()),
                Updates.combine(Updates.set("site", capture.site()),
                        Updates.addToSet("history", new Document("capture", id).append("at", Date.from(capture.fetchedAt())))),
                new UpdateOptions().upsert(true));
        return id;
    }

    /** The latest capture of url, a response or a revisit. */
    public Optional<Capture> latest(String url) {
        return atOrBefore(url, Instant.MAX);
    }

    /** The latest capture of url fetched at or before time. */
    public Optional<Capture> atOrBefore(String url, Instant time) {
        Document entry = urls.find(eq("_id", url)).first();
        if (entry == null) {
            return Optional.empty();
        }
        return latestEntry(entry, at -> !at.isAfter(time)).flatMap(this::byId);
    }

    /**
     * The capture holding the bytes of url as they were at time: the latest capture then, or for a revisit the
     * response it refers to. What a reader of "the URL's content" wants; {@link #atOrBefore} is what happened last.
     */
    public Optional<Capture> contentAtOrBefore(String url, Instant time) {
        return atOrBefore(url, time).flatMap(this::content);
    }

    /** The latest content of url: see {@link #contentAtOrBefore}. */
    public Optional<Capture> latestContent(String url) {
        return contentAtOrBefore(url, Instant.MAX);
    }

    /** The capture whose bytes this capture stands for: itself for a response, the response it refers to for a revisit. */
    public Optional<Capture> content(Capture capture) {
        return capture.revisit() ? capture.refersTo().flatMap(this::byId) : Optional.of(capture);
    }

    /** The earliest capture of url that was answered (2xx): when the archive first held it, and what its server said then. */
    public Optional<Capture> firstAnswered(String url) {
        Document entry = urls.find(eq("_id", url)).first();
        if (entry == null) {
            return Optional.empty();
        }
        List<Document> history = new ArrayList<>(entry.getList("history", Document.class, List.of()));
        history.sort(Comparator.comparing(h -> h.getDate("at")));
        for (Document h : history) {
            Optional<Capture> c = byId(h.getObjectId("capture"));
            if (c.isPresent() && c.get().status() / 100 == 2) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Every capture of url, oldest first; empty when the URL was never archived. */
    public List<Capture> history(String url) {
        Document entry = urls.find(eq("_id", url)).first();
        if (entry == null) {
            return List.of();
        }
        List<ObjectId> ids = entry.getList("history", Document.class, List.of()).stream().map(h -> h.getObjectId("capture")).toList();
        List<Capture> history = new ArrayList<>();
        captures.find(in("_id", ids)).forEach(d -> history.add(fromDocument(d)));
        history.sort(Comparator.comparing(Capture::fetchedAt));
        return history;
    }

    private Optional<Capture> byId(ObjectId id) {
        return Optional.ofNullable(captures.find(eq("_id", id)).first()).map(CaptureStore::fromDocument);
    }

    /** The latest content (see {@link #contentAtOrBefore}) of every archived URL of a site, ordered by URL. */
    public List<Capture> latestContentPerUrl(Optional<String> site) {
        List<Capture> latest = latestPerUrl(site);
        Map<ObjectId, Capture> referred = byIds(latest.stream().filter(Capture::revisit)
                .flatMap(c -> c.refersTo().stream()).distinct().toList());
        List<Capture> result = new ArrayList<>();
        for (Capture c : latest) {
            Capture content = c.revisit() ? c.refersTo().map(referred::get).orElse(null) : c;
            if (content != null) {
                result.add(content);
            }
        }
        return result;
    }

    /** The latest capture, response or revisit, of every archived URL (of one site when given), ordered by URL. */
    public List<Capture> latestPerUrl(Optional<String> site) {
        Bson filter = site.map(s -> eq("site", s)).orElse(new Document());
        List<ObjectId> ids = new ArrayList<>();
        for (Document entry : urls.find(filter)) {
            latestEntry(entry, at -> true).ifPresent(ids::add);
        }
        List<Capture> result = new ArrayList<>(byIds(ids).values());
        result.sort(Comparator.comparing(Capture::url));
        return result;
    }

    private Map<ObjectId, Capture> byIds(List<ObjectId> ids) {
        Map<ObjectId, Capture> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            for (Document d : captures.find(in("_id", ids.subList(i, Math.min(ids.size(), i + BATCH))))) {
                Capture c = fromDocument(d);
                byId.put(c.id(), c);
            }
        }
        return byId;
    }

    /** Every capture (of one site when given), oldest first, handed over one at a time. */
    public void forEach(Optional<String> site, Consumer<Capture> action) {
        captures.find(site.map(s -> eq("site", s)).orElse(new Document()))
                .sort(com.mongodb.client.model.Sorts.ascending("fetched_at", "_id"))
                .forEach(d -> action.accept(fromDocument(d)));
    }

    /** URL history entries that name a capture the archive does not hold, as "url → capture id". */
    public List<String> danglingHistoryEntries() {
        List<String> dangling = new ArrayList<>();
        for (Document entry : urls.find()) {
            for (Document h : entry.getList("history", Document.class, List.of())) {
                ObjectId id = h.getObjectId("capture");
                if (captures.find(eq("_id", id)).limit(1).first() == null) {
                    dangling.add(entry.getString("_id") + " → capture " + id);
                }
            }
        }
        return dangling;
    }

    /** The sites anything was archived for, sorted. */
    public List<String> sites() {
        return urls.distinct("site", String.class).into(new ArrayList<>()).stream().sorted().toList();
    }

    public long count() {
        return captures.countDocuments();
    }

    private static Optional<ObjectId> latestEntry(Document urlEntry, Predicate<Instant> accept) {
        ObjectId best = null;
        Instant bestAt = null;
        for (Document h : urlEntry.getList("history", Document.class, List.of())) {
            Instant at = h.getDate("at").toInstant();
            if (accept.test(at) && (bestAt == null || !at.isBefore(bestAt))) {
                best = h.getObjectId("capture");
                bestAt = at;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Document toDocument(Capture c) {
        return new Document("_id", c.id())
                .append("url", c.url())
                .append("final_url", c.finalUrl())
                .append("status", c.status())
                .append("headers", headers(c.headers()))
                .append("fetched_at", Date.from(c.fetchedAt()))
                .append("sha256", c.sha256())
                .append("size", c.size())
                .append("content_type", c.contentType())
                .append("site", c.site())
                .append("run", c.run())
                .append("found_on", c.foundOn().orElse(null))
                .append("filename", c.filename().orElse(null))
                .append("anchor", c.anchor().orElse(null))
                .append("method", c.method())
                .append("kind", c.kind().name().toLowerCase(Locale.ROOT))
                .append("refers_to", c.refersTo().orElse(null))
                .append("exchange", c.exchange().map(CaptureStore::toDocument).orElse(null));
    }

    private static Document toDocument(Exchange e) {
        return new Document("target", e.target()).append("protocol", e.protocol())
                .append("headers", headers(e.headers())).append("remote_address", e.remoteAddress().orElse(null));
    }

    private static List<Document> headers(List<HttpHeader> headers) {
        return headers.stream().map(h -> new Document("name", h.name()).append("value", h.value())).toList();
    }

    private static List<HttpHeader> headers(Document d, String key) {
        return d.getList(key, Document.class, List.of()).stream()
                .map(h -> new HttpHeader(h.getString("name"), h.getString("value"))).toList();
    }

    private static Capture fromDocument(Document d) {
        Document exchange = d.get("exchange", Document.class);
        return new Capture(d.getObjectId("_id"), d.getString("url"), d.getString("final_url"), d.getInteger("status"),
                headers(d, "headers"), d.getDate("fetched_at").toInstant(), d.getString("sha256"), ((Number) d.get("size")).longValue(),
                d.getString("content_type"), d.getString("site"), d.getString("run"),
                Optional.ofNullable(d.getString("found_on")), Optional.ofNullable(d.getString("filename")),
                Optional.ofNullable(d.getString("anchor")), d.get("method", "GET"),
                Capture.Kind.valueOf(d.get("kind", "response").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(d.getObjectId("refers_to")),
                Optional.ofNullable(exchange).map(e -> new Exchange(e.getString("target"), e.getString("protocol"),
                        headers(e, "headers"), Optional.ofNullable(e.getString("remote_address")))));
    }
}
