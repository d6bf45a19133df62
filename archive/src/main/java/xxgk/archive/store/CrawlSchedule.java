package xxgk.archive.store;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * When each site is next due in a periodic crawl, collection {@code schedule} keyed by site id: kept in the archive
 * so that a restarted {@code crawl --every} keeps the cadence instead of crawling everything at once.
 */
public final class CrawlSchedule {

    private final MongoCollection<Document> schedule;

    public CrawlSchedule(MongoDatabase db) {
        this.schedule = db.getCollection("schedule");
    }

    public Optional<Instant> nextDue(String site) {
        return Optional.ofNullable(schedule.find(eq("_id", site)).first()).map(d -> d.getDate("next_due").toInstant());
    }

    public void setNextDue(String site, Instant at) {
        schedule.replaceOne(eq("_id", site), new Document("_id", site).append("next_due", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }
}
