package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.bson.conversions.Bson;

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

    /**
     * Records the start of a run by the crawl working at place (this machine and its data directory), so that a run
     * whose process died can later be told from one still under way there. Its id sorts by start time.
     */
    public String start(List<String> sites, Instant at, String place) {
        String id = ID_TIME.format(at) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        runs.insertOne(new Document("_id", id).append("sites", sites).append("started_at", Date.from(at)).append("place", place)
                .append("status", CrawlRun.Status.RUNNING.name()).append("phase", CrawlRun.Phase.FETCH.name())
                .append("tallies", List.of()).append("problems", List.of()));
        return id;
    }

    /** A stopped, failed or interrupted run taken up again by the same crawl: running and fetching once more. */
    public void resume(String id) {
        runs.updateOne(eq("_id", id), Updates.combine(Updates.set("status", CrawlRun.Status.RUNNING.name()),
                Updates.set("phase", CrawlRun.Phase.FETCH.name()), Updates.unset("ended_at")));
    }

    /** Fetching is over and archived; the run is not finished until its catalogue is built. */
    public void cataloguing(String id, Collection<SiteTally> tallies, List<CrawlProblem> problems) {
        update(id, tallies, problems);
        runs.updateOne(eq("_id", id), Updates.set("phase", CrawlRun.Phase.CATALOGUE.name()));
    }

    /** Saves the tallies and problems so far; called periodically, so a killed run still shows its progress. */
    public void update(String id, Collection<SiteTally> tallies, List<CrawlProblem> problems) {
        runs.updateOne(eq("_id", id), Updates.combine(
                Updates.set("tallies", tallies.stream().map(RunStore::toDocument).toList()),
                Updates.set("problems", problems.stream().limit(MAX_PROBLEMS).map(RunStore::toDocument).toList())));
    }

    /** Records how the run ended; a FINISHED run has built its catalogue. */
    public void finish(String id, CrawlRun.Status status, Instant at, Collection<SiteTally> tallies, List<CrawlProblem> problems) {
        update(id, tallies, problems);
        List<Bson> end = new ArrayList<>(List.of(Updates.set("status", status.name()), Updates.set("ended_at", Date.from(at))));
        if (status == CrawlRun.Status.FINISHED) {
            end.add(Updates.set("phase", CrawlRun.Phase.DONE.name()));
        }
        runs.updateOne(eq("_id", id), Updates.combine(end));
    }

    /**
     * Marks the runs recorded as RUNNING at place INTERRUPTED, noticed at the given time: the caller knows that no
     * crawl runs there. Runs recorded before places were (none named) are taken for this place's when alsoUnplaced.
     * Returns their ids.
     */
    public List<String> markInterrupted(String place, boolean alsoUnplaced, Instant noticed) {
        Bson here = alsoUnplaced ? Filters.or(eq("place", place), Filters.exists("place", false)) : eq("place", place);
        List<String> ids = new ArrayList<>();
        runs.find(Filters.and(eq("status", CrawlRun.Status.RUNNING.name()), here)).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        for (String id : ids) {
            runs.updateOne(Filters.and(eq("_id", id), eq("status", CrawlRun.Status.RUNNING.name())), Updates.combine(
                    Updates.set("status", CrawlRun.Status.INTERRUPTED.name()), Updates.set("interrupted_at", Date.from(noticed))));
        }
        return ids;
    }

    /** Runs interrupted after fetching, while their catalogue was being built: it has to be built again. */
    public List<CrawlRun> interruptedWhileCataloguing() {
        List<CrawlRun> result = new ArrayList<>();
        runs.find(Filters.and(eq("status", CrawlRun.Status.INTERRUPTED.name()), eq("phase", CrawlRun.Phase.CATALOGUE.name())))
                .sort(Sorts.ascending("_id")).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    /** An interrupted run whose catalogue was built afterwards, at the given time: it is finished now. */
    public void catalogueRebuilt(String id, Instant at) {
        runs.updateOne(eq("_id", id), Updates.combine(Updates.set("status", CrawlRun.Status.FINISHED.name()),
                Updates.set("phase", CrawlRun.Phase.DONE.name()), Updates.set("ended_at", Date.from(at)),
                Updates.set("catalogue_rebuilt_at", Date.from(at))));
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

    /**
     * The ids of the runs not finished — under way, stopped, failed or interrupted — whose catalogue is therefore not
     * built yet: what they captured is still to be recognised.
     */
    public Set<String> notFinished() {
        Set<String> ids = new HashSet<>();
        runs.find(Filters.ne("status", CrawlRun.Status.FINISHED.name())).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
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
        CrawlRun.Status status = CrawlRun.Status.valueOf(d.getString("status"));
        // Runs recorded before phases were: a finished one had built its catalogue, any other was fetching.
        String phase = d.getString("phase");
        return new CrawlRun(d.getString("_id"), d.getList("sites", String.class), d.getDate("started_at").toInstant(),
                instant(d, "ended_at"), status, tallies, problems,
                phase != null ? CrawlRun.Phase.valueOf(phase) : status == CrawlRun.Status.FINISHED ? CrawlRun.Phase.DONE : CrawlRun.Phase.FETCH,
                instant(d, "interrupted_at"), instant(d, "catalogue_rebuilt_at"));
    }

    private static Optional<Instant> instant(Document d, String key) {
        return Optional.ofNullable(d.getDate(key)).map(Date::toInstant);
    }

    private static long num(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
