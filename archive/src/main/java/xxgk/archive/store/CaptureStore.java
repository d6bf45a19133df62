package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * The captures, and per URL the list of its captures in time and its latest one. Lookups go through the unique keys
 * (a URL, a capture id) because the embedded server ignores secondary indexes. Each URL keeps a copy of its latest
 * capture, so that listing the latest captures reads the URLs alone, and a second copy without the headers and the
 * exchange in {@code listed}, what {@code xxgk list} shows; going through every capture reads their keys first and the
 * captures a batch at a time, so that memory grows with the keys, not with the captures.
 */
public final class CaptureStore {

    private static final DocumentCodec DOCUMENTS = new DocumentCodec();

    /**
     * Documents read by key at a time: the embedded server checks every document it finds against the whole {@code $in}
     * list, so a batch costs the square of its size, and a batch of URLs is held whole, history included.
     */
    private static final int BATCH = 100;

    private final MongoCollection<Document> captures;
    private final MongoCollection<Document> urls;
    /**
     * One document per site and URL, keyed {@code "site url"}: a site's URLs are a regular expression anchored on
     * {@code _id}, which the embedded server answers from its unique index's keys, where a query on {@code urls.site}
     * would read every URL of every site.
     */
    private final MongoCollection<Document> siteUrls;
    /**
     * One document per URL, keyed by it: its site and {@code latest} as in {@code urls}, the copy without headers and
     * exchange. A listing reads this, a third of the bytes of a URL with its history and whole copy, and the embedded
     * server cannot project a document for less than it costs to send it whole.
     */
    private final MongoCollection<Document> listed;

    public CaptureStore(MongoDatabase db) {
        this.captures = db.getCollection("captures");
        this.urls = db.getCollection("urls");
        this.siteUrls = db.getCollection("site_urls");
        this.listed = db.getCollection("listed");
    }

    /** Records a capture whose original is already in the blob store; returns the id given to it. */
    public ObjectId record(Capture capture) {
        ObjectId id = new ObjectId();
        Document recorded = toDocument(capture).append("_id", id);
        // The site's entry first: a crash after it leaves an entry without a URL, which listings skip.
        listUnderSite(capture.site(), capture.url());
        captures.insertOne(recorded);
        // Written after the capture: a crash in between leaves a capture no URL lists yet, never a dangling entry.
        // Added as a set: a write the driver retries (its server gone mid-way) does not list the capture twice.
        urls.updateOne(eq("_id", capture.url()), listedUnderUrl(recorded), new UpdateOptions().upsert(true));
        listed.updateOne(eq("_id", capture.url()), listedAlone(recorded), new UpdateOptions().upsert(true));
        return id;
    }

    /**
     * Records captures whose originals are already in the blob store, each under the id it carries, in four writes
     * for the lot (site entries, captures, URL histories and listings: the order and the updates of {@link #record}). Recording a
     * capture again is harmless: one already held is refused by its id, and its URL lists it once. For a crawl's
     * journal of captures to archive, replayed after a kill that may have come after any of the writes.
     */
    public void recordAll(List<Capture> withIds) {
        if (withIds.isEmpty()) {
            return;
        }
        siteUrls.bulkWrite(withIds.stream().map(c -> c.site() + " " + c.url()).distinct()
                .map(key -> new ReplaceOneModel<>(eq("_id", key), new Document("_id", key), new ReplaceOptions().upsert(true)))
                .toList());
        List<Document> recorded = withIds.stream().map(CaptureStore::toDocument).toList();
        KeyedInsert.heldAmong(captures, recorded);
        urls.bulkWrite(recorded.stream().map(d -> new UpdateOneModel<Document>(eq("_id", d.getString("url")), listedUnderUrl(d),
                new UpdateOptions().upsert(true))).toList());
        listed.bulkWrite(recorded.stream().map(d -> new UpdateOneModel<Document>(eq("_id", d.getString("url")), listedAlone(d),
                new UpdateOptions().upsert(true))).toList());
    }

    /** A recorded capture in its URL's {@code listed} document: the URL's site, and its latest if it is. */
    private static Bson listedAlone(Document recorded) {
        Document copy = new Document(recorded);
        copy.remove("headers");
        copy.remove("exchange");
        return Updates.combine(Updates.set("site", recorded.getString("site")),
                Updates.max("latest", new Document("at", recorded.getDate("fetched_at")).append("capture", recorded.getObjectId("_id")).append("copy", copy)));
    }

    /** A recorded capture in its URL's document: the URL's site, an entry of its history, and its latest if it is. */
    private static Bson listedUnderUrl(Document recorded) {
        return Updates.combine(Updates.set("site", recorded.getString("site")),
                Updates.addToSet("history", new Document("capture", recorded.getObjectId("_id")).append("at", recorded.getDate("fetched_at"))),
                Updates.max("latest", latest(recorded)));
    }

    /**
     * A capture, its id included, as the BSON of its stored document: for journals kept outside the archive (a crawl
     * writes one a page; as extended JSON, its dates and escapes took a tenth of the fetching workers' CPU time).
     */
    public static byte[] toBson(Capture capture) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        DOCUMENTS.encode(new BsonBinaryWriter(out), toDocument(capture), EncoderContext.builder().build());
        return out.toByteArray();
    }

    /** The capture {@link #toBson} wrote, the first BSON document in bson. */
    public static Capture fromBson(ByteBuffer bson) {
        return fromDocument(DOCUMENTS.decode(new BsonBinaryReader(bson), DecoderContext.builder().build()));
    }

    /** A capture as journals written before {@link #toBson} kept it: the extended JSON of its stored document. */
    public static Capture fromJson(String json) {
        return fromDocument(Document.parse(json));
    }

    private void listUnderSite(String site, String url) {
        Document entry = new Document("_id", site + " " + url);
        if (siteUrls.find(entry).first() == null) {
            try {
                siteUrls.insertOne(entry);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // else another crawler listed it first
                }
            }
        }
    }

    /**
     * A URL's {@code latest}: its capture's time, id and a copy of it (captures never change), so that the latest
     * capture of a URL, or of every URL, is read without its history or a second lookup. {@code $max} keeps the
     * greatest: documents compare field by field, so the latest time wins, and of two at one time the later id.
     */
    private static Document latest(Document recorded) {
        return new Document("at", recorded.getDate("fetched_at")).append("capture", recorded.getObjectId("_id")).append("copy", recorded);
    }

    /** The latest capture of url, a response or a revisit. */
    public Optional<Capture> latest(String url) {
        return Optional.ofNullable(urls.find(eq("_id", url)).projection(Projections.include("latest.copy")).first())
                .map(entry -> fromDocument(entry.get("latest", Document.class).get("copy", Document.class)));
    }

    /**
     * The latest capture of each of urls the archive holds, by URL: one query for as many as {@link #latest} would
     * take a round trip each (a crawl's next URLs, looked up before their turn).
     */
    public Map<String, Capture> latestOf(Collection<String> wanted) {
        Map<String, Capture> latest = new HashMap<>();
        List<String> keys = List.copyOf(wanted);
        for (int i = 0; i < keys.size(); i += BATCH) {
            urls.find(in("_id", keys.subList(i, Math.min(keys.size(), i + BATCH)))).projection(Projections.include("latest.copy"))
                    .forEach(entry -> latest.put(entry.getString("_id"),
                            fromDocument(entry.get("latest", Document.class).get("copy", Document.class))));
        }
        return latest;
    }

    /** {@link #content} of each capture, by the capture's id: one query for the responses the revisits refer to. */
    public Map<ObjectId, Capture> contentsOf(Collection<Capture> captures) {
        Map<ObjectId, Capture> referred = byIds(captures.stream().filter(Capture::revisit)
                .flatMap(c -> c.refersTo().stream()).distinct().toList());
        Map<ObjectId, Capture> contents = new HashMap<>();
        for (Capture c : captures) {
            Capture content = c.revisit() ? c.refersTo().map(referred::get).orElse(null) : c;
            if (content != null) {
                contents.put(c.id(), content);
            }
        }
        return contents;
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
        return latest(url).flatMap(this::content);
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
        return latestWithContentPerUrl(site).stream().map(Latest::content).toList();
    }

    /** A URL's latest capture, a response or a revisit, and the capture holding its bytes (see {@link #content}). */
    public record Latest(Capture capture, Capture content) {}

    /**
     * The latest capture of every archived URL of a site with its content, ordered by URL: what happened last (which
     * run, found on which page) beside the bytes it stands for. A URL whose content is not held is left out.
     */
    public List<Latest> latestWithContentPerUrl(Optional<String> site) {
        List<Capture> latest = latestPerUrl(site);
        Map<ObjectId, Capture> contents = contentsOf(latest);
        return latest.stream().filter(c -> contents.containsKey(c.id())).map(c -> new Latest(c, contents.get(c.id()))).toList();
    }

    /** The latest capture, response or revisit, of every archived URL (of one site when given), ordered by URL. */
    public List<Capture> latestPerUrl(Optional<String> site) {
        List<Capture> result = new ArrayList<>();
        forEachLatest(new Listing(site, Optional.empty(), 0), result::add);
        return result;
    }

    /** Which URLs a listing takes: of one site, whose latest capture is no older than since, the first limit (0: all). */
    public record Listing(Optional<String> site, Optional<Instant> since, int limit) {}

    /**
     * The latest capture of each URL the listing takes, in URL order, handed over one at a time. The URLs' keys are
     * read first — from {@code site_urls} (a site's by its key index), or with a time and no site those of {@code urls}
     * whose latest capture is that recent (its {@code latest.at} index on a MongoDB) — and sorted here, then the URLs
     * are read by key a batch at a time, each with a copy of its latest capture. So memory holds the keys, never all the URLs, and
     * neither server sorts documents: the embedded one would sort whole URLs, history and copy, in memory.
     */
    public void forEachLatest(Listing listing, Consumer<Capture> action) {
        forEachLatest(urls, listing, action);
    }

    /**
     * As {@link #forEachLatest}, each capture without its headers and exchange (empty), read from documents a third the
     * size: what a listing shows.
     */
    public void forEachListed(Listing listing, Consumer<Capture> action) {
        forEachLatest(listed, listing, action);
    }

    private void forEachLatest(MongoCollection<Document> source, Listing listing, Consumer<Capture> action) {
        List<String> keys = listedUrls(listing);
        Optional<Date> since = listing.since().map(Date::from);
        int handed = 0;
        for (int i = 0; i < keys.size(); i += BATCH) {
            List<String> batch = keys.subList(i, Math.min(keys.size(), i + BATCH));
            Map<String, Document> byUrl = new HashMap<>();
            // Whole documents: the embedded server projects a document by splitting paths with regular expressions,
            // which cost more than sending the history along.
            source.find(in("_id", batch)).forEach(d -> byUrl.put(d.getString("_id"), d));
            for (String url : batch) {
                Document entry = byUrl.get(url);
                Document latest = entry == null ? null : entry.get("latest", Document.class);
                // A URL moved to another site (its configuration changed) is that site's now; one listed by a crawl
                // killed before its capture was recorded has none yet.
                if (latest == null || listing.site().isPresent() && !listing.site().get().equals(entry.getString("site"))
                        || since.isPresent() && latest.getDate("at").before(since.get())) {
                    continue;
                }
                action.accept(fromDocument(latest.get("copy", Document.class)));
                if (++handed == listing.limit()) {
                    return;
                }
            }
        }
    }

    /** The URLs a listing may take, sorted, each once: keys only (the batches check the rest). */
    private List<String> listedUrls(Listing listing) {
        List<String> keys = new ArrayList<>();
        if (listing.site().isEmpty() && listing.since().isPresent()) {
            urls.find(Filters.gte("latest.at", Date.from(listing.since().get()))).projection(Projections.include("_id"))
                    .forEach(d -> keys.add(d.getString("_id")));
        } else {
            Bson ofSite = listing.site().map(s -> Filters.regex("_id", "^" + Pattern.quote(s + " "))).orElse(new Document());
            // No projection: an entry is its key alone, and the embedded server's projecting costs more than it.
            siteUrls.find(ofSite).forEach(d -> {
                String key = d.getString("_id");
                keys.add(key.substring(key.indexOf(' ') + 1));
            });
        }
        return keys.stream().sorted().distinct().toList(); // a URL that moved between sites is listed under both
    }

    /**
     * Gives each URL of an archive of format 3 its {@code listed} document, from its {@code urls} document; returns
     * how many. Safe to run again: a document's latest only ever grows.
     */
    public long listEachUrl() {
        long n = 0;
        List<String> keys = listedUrls(new Listing(Optional.empty(), Optional.empty(), 0));
        for (int i = 0; i < keys.size(); i += BATCH) {
            // By key, a batch at a time: the embedded server would hold every URL of a whole-collection query at once.
            List<UpdateOneModel<Document>> listing = new ArrayList<>();
            for (Document entry : urls.find(in("_id", keys.subList(i, Math.min(keys.size(), i + BATCH))))) {
                Document latest = entry.get("latest", Document.class);
                if (latest != null) {
                    listing.add(new UpdateOneModel<>(eq("_id", entry.getString("_id")), listedAlone(latest.get("copy", Document.class)),
                            new UpdateOptions().upsert(true)));
                }
            }
            if (!listing.isEmpty()) {
                listed.bulkWrite(listing);
                n += listing.size();
            }
        }
        return n;
    }

    /** Hands over the captures of ids in their order, and empties ids. */
    private void handOver(List<ObjectId> ids, Consumer<Capture> action) {
        Map<ObjectId, Capture> byId = byIds(ids);
        for (ObjectId id : ids) {
            Capture c = byId.get(id);
            if (c != null) {
                action.accept(c);
            }
        }
        ids.clear();
    }

    /**
     * Gives each URL of an archive of format 2 its latest capture (see {@link #latest(Document)}) and its entry under
     * its site; returns how many.
     */
    public long recordLatestOfEachUrl() {
        long n = 0;
        for (Document entry : urls.find(Filters.exists("latest", false)).projection(Projections.include("site", "history"))) {
            listUnderSite(entry.getString("site"), entry.getString("_id"));
            Document last = null;
            for (Document h : entry.getList("history", Document.class, List.of())) {
                if (last == null || !h.getDate("at").before(last.getDate("at"))) {
                    last = h;
                }
            }
            Document recorded = last == null ? null : captures.find(eq("_id", last.getObjectId("capture"))).first();
            if (recorded != null) {
                urls.updateOne(eq("_id", entry.get("_id")), Updates.set("latest", latest(recorded)));
                n++;
            }
        }
        return n;
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

    /**
     * Every capture (of one site when given), oldest first, handed over one at a time: the query reads only ids and
     * times (sorted here, as the embedded server would sort whole captures in memory), the captures come by id.
     */
    public void forEach(Optional<String> site, Consumer<Capture> action) {
        record Key(Instant at, ObjectId id) {}
        List<Key> keys = new ArrayList<>();
        captures.find(site.map(s -> eq("site", s)).orElse(new Document())).projection(Projections.include("fetched_at"))
                .forEach(d -> keys.add(new Key(d.getDate("fetched_at").toInstant(), d.getObjectId("_id"))));
        keys.sort(Comparator.comparing(Key::at).thenComparing(Key::id));
        List<ObjectId> batch = new ArrayList<>();
        for (Key k : keys) {
            batch.add(k.id());
            if (batch.size() == BATCH) {
                handOver(batch, action);
            }
        }
        handOver(batch, action);
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
        Set<String> sites = new TreeSet<>();
        siteUrls.find().forEach(d -> {
            String key = d.getString("_id");
            sites.add(key.substring(0, key.indexOf(' ')));
        });
        return List.copyOf(sites);
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
