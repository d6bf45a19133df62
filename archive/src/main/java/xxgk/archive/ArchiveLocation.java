package xxgk.archive;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the archive lives: a MongoDB URI when one is given, else the embedded server in the data directory.
 * The data directory is always used for this machine's working state (crawl frontier, download spool).
 */
public record ArchiveLocation(Path dataDir, Optional<String> mongoUri) {

    /** The environment variable that names a MongoDB when --mongo is not given. */
    public static final String MONGO_ENV = "XXGK_MONGO_URI";
    /** The data directory used when none is named (a constant, for the command line's default). */
    public static final String DEFAULT_DATA_DIR = "xxgk-data";

    public static ArchiveLocation of(Path dataDir, String mongoUri) {
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : System.getenv(MONGO_ENV);
        return new ArchiveLocation(dataDir,
                uri == null || uri.isBlank() ? Optional.empty() : Optional.of(uri));
    }

    /** How the location is shown to users and in logs: never with a password. */
    public String describe() {
        return mongoUri.map(MongoUris::redact).orElse("embedded archive in " + dataDir.toAbsolutePath().normalize());
    }
}
