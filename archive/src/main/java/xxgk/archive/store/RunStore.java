package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/** The record of every crawl run. */
public final class RunStore {

    /** At most this many problems are kept per run; the tallies still count them all. */
    public static final int MAX_PROBLEMS = 2000;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MongoCollection<Document> runs;

    public RunStore(MongoDatabase db) {
        this.runs = db.getCollection("runs");
    }

    /** Records the start of a run; its id sorts by start time. */
    public String start(List<String> sites, Instant at) {
        String id = ID_TIME.format(at) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        runs.insertOne(new Document("_id", id).append("sites", sites).append("started_at", Date.from(at))
                .append("status", CrawlRun.Status.RUNNING.name()).append("tallies", List.of()).append("problems", List.of()));
        return id;
    }

    /** Saves the tallies and problems so far; called periodically, so a killed run still shows its progress. */
    public void update(String id, Collection<SiteTally> tallies, List<CrawlProblem> problems) {
        runs.updateOne(eq("_id", id), Updates.combine(
                Updates.set("tallies", tallies.stream().map(RunStore::toDocument).toList()),
                Updates.set("problems", problems.stream().limit(MAX_PROBLEMS).map(RunStore::toDocument).toList())));
    }

    public void finish(String id, CrawlRun.Status status, Instant at, Collection<SiteTally> tallies, List<CrawlProblem> problems) {
        update(id, tallies, problems);
        runs.updateOne(eq("_id", id), Updates.combine(Updates.set("status", status.name()), Updates.set("ended_at", Date.from(at))));
    }

    public Optional<CrawlRun> get(String id) {
        return Optional.ofNullable(runs.find(eq("_id", id)).first()).map(RunStore::fromDocument);
    }

    /** All runs, newest first. */
    public List<CrawlRun> all() {
        List<CrawlRun> result = new ArrayList<>();
        runs.find().sort(Sorts.descending("_id")).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    /** When the site last had a run that finished, if ever. */
    public Optional<Instant> lastFinished(String site) {
        Document last = runs.find(Filters.and(eq("status", CrawlRun.Status.FINISHED.name()), eq("sites", site)))
                .sort(Sorts.descending("_id")).projection(Projections.include("ended_at")).first();
        return Optional.ofNullable(last).map(d -> d.getDate("ended_at").toInstant());
    }

    private static Document toDocument(SiteTally t) {
        return new Document("site", t.site()).append("pages", t.pages()).append("bytes", t.bytes())
                .append("originals", t.originals()).append("errors", t.errors()).append("skipped", t.skipped())
                .append("blocked", t.blocked()).append("not_modified", t.notModified()).append("fresh", t.fresh());
    }

    private static Document toDocument(CrawlProblem p) {
        return new Document("at", Date.from(p.at())).append("site", p.site()).append("url", p.url()).append("problem", p.problem());
    }

    private static CrawlRun fromDocument(Document d) {
        List<SiteTally> tallies = d.getList("tallies", Document.class, List.of()).stream()
                .map(t -> new SiteTally(t.getString("site"), num(t, "pages"), num(t, "bytes"), num(t, "originals"),
                        num(t, "errors"), num(t, "skipped"), num(t, "blocked"),
                        num(t, "not_modified"), num(t, "fresh"))).toList();
        List<CrawlProblem> problems = d.getList("problems", Document.class, List.of()).stream()
                .map(p -> new CrawlProblem(p.getDate("at").toInstant(), p.getString("site"), p.getString("url"), p.getString("problem"))).toList();
        Date ended = d.getDate("ended_at");
        return new CrawlRun(d.getString("_id"), d.getList("sites", String.class), d.getDate("started_at").toInstant(),
                Optional.ofNullable(ended).map(Date::toInstant), CrawlRun.Status.valueOf(d.getString("status")), tallies, problems);
    }

    private static long num(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
