package xxgk.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import xxgk.archive.catalog.ReportCatalog;
import xxgk.archive.store.BlobStore;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.store.CrawlSchedule;
import xxgk.archive.store.ParseStore;
import xxgk.archive.store.RunStore;
import xxgk.archive.store.TextStore;

/**
 * The archive: raw originals (by SHA-256), one capture per fetch, extracted text and parsed tables per
 * original, crawl runs, and the catalog of reports recognised among them — in MongoDB, embedded by default. The same driver code serves the embedded server and a real
 * MongoDB deployment.
 */
public final class Archive implements AutoCloseable {

    /** The database used when the URI names none. */
    public static final String DEFAULT_DATABASE = "xxgk";

    private final ArchiveLocation location;
    private final EmbeddedServer embedded;
    private final MongoClient client;
    private final BlobStore blobs;
    private final CaptureStore captures;
    private final TextStore texts;
    private final RunStore runs;
    private final ParseStore parses;
    private final ReportCatalog catalog;
    private final CrawlSchedule schedule;
    private final List<String> migrations;

    private Archive(ArchiveLocation location, EmbeddedServer embedded, MongoClient client, MongoDatabase db, List<String> migrations) {
        this.location = location;
        this.embedded = embedded;
        this.client = client;
        // The embedded archive writes to the data directory's disk: its free space is checked before each write.
        Optional<Path> localDisk = embedded != null ? Optional.of(location.dataDir()) : Optional.empty();
        this.blobs = new BlobStore(db, localDisk);
        this.captures = new CaptureStore(db);
        this.texts = new TextStore(db, localDisk);
        this.runs = new RunStore(db);
        this.parses = new ParseStore(db);
        this.catalog = new ReportCatalog(db, captures, texts, blobs);
        this.schedule = new CrawlSchedule(db);
        this.migrations = List.copyOf(migrations);
    }

    /** Opens the archive, starting (or joining) the embedded server when no MongoDB URI is given. */
    public static Archive open(ArchiveLocation location) {
        EmbeddedServer embedded = location.mongoUri().isEmpty() ? EmbeddedServer.acquire(location.dataDir()) : null;
        String uri = embedded != null ? embedded.connectionString() : location.mongoUri().get();
        ConnectionString connection;
        try {
            connection = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new ArchiveException("not a MongoDB URI: " + MongoUris.redact(uri));
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (embedded != null) {
            embedded.ownerWatch().ifPresent(settings::addCommandListener);
        }
        MongoClient client = MongoClients.create(settings.build());
        try {
            MongoDatabase db = client.getDatabase(connection.getDatabase() != null ? connection.getDatabase() : DEFAULT_DATABASE);
            db.runCommand(new Document("ping", 1));
            List<String> migrations = ArchiveFormat.migrate(db, embedded != null);
            if (embedded == null) {
                ArchiveIndexes.create(db);
            }
            return new Archive(location, embedded, client, db, migrations);
        } catch (MongoException | ArchiveException e) {
            String why = embedded != null ? embedded.unreachableBecause().orElse(null) : null;
            client.close();
            if (embedded != null) {
                embedded.release();
            }
            if (e instanceof ArchiveException refused) {
                throw refused;
            }
            throw new ArchiveException(why != null ? why : "cannot reach MongoDB at " + location.describe() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int cut = message.indexOf('\n');
        return MongoUris.redact(cut < 0 ? message : message.substring(0, cut));
    }


    /** What opening the archive migrated (see {@link ArchiveFormat}), a line each; empty when it was current. */
    public List<String> migrations() {
        return migrations;
    }

    public ArchiveLocation location() {
        return location;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public CaptureStore captures() {
        return captures;
    }

    public TextStore texts() {
        return texts;
    }

    public RunStore runs() {
        return runs;
    }

    public ParseStore parses() {
        return parses;
    }

    /** When each site is next due in a periodic crawl. */
    public CrawlSchedule schedule() {
        return schedule;
    }

    /** The reports recognised among what the archive holds. */
    public ReportCatalog catalog() {
        return catalog;
    }

    /**
     * How many times, while this process used the embedded archive, the process serving it died and this one took
     * it over: the writes of the dead server's last second may be lost. Always 0 for a MongoDB deployment.
     */
    public int ownerDeaths() {
        return embedded != null ? embedded.ownerDeaths() : 0;
    }

    /** Makes what was written so far durable at once (the embedded server otherwise commits about once a second). */
    public void flush() {
        if (embedded != null) {
            embedded.flush();
        }
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.release();
        }
    }
}
