package xxgk.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the archive lives: a MongoDB URI when one is given, else the embedded server in the data directory.
 * The data directory is always used for this machine's working state (crawl frontier, download spool).
 */
public record ArchiveLocation(Path dataDir, Optional<String> mongoUri) {

    /** The environment variable that names a MongoDB when --mongo is not given. */
    public static final String MONGO_ENV = "XXGK_MONGO_URI";
    /** The environment variable that names the data directory when --data is not given. */
    public static final String DATA_ENV = "XXGK_DATA";
    /** The data directory used when none is named, relative to the working directory. */
    public static final String DEFAULT_DATA_DIR = "xxgk-data";

    /** The location from what the user gave (either may be null), else the environment, else the defaults. */
    public static ArchiveLocation of(Path dataDir, String mongoUri) {
        String uri = mongoUri != null && !mongoUri.isBlank() ? mongoUri : System.getenv(MONGO_ENV);
        String dataEnv = System.getenv(DATA_ENV);
        Path dir = dataDir != null ? dataDir : Path.of(dataEnv != null && !dataEnv.isBlank() ? dataEnv : DEFAULT_DATA_DIR);
        return new ArchiveLocation(dir, uri == null || uri.isBlank() ? Optional.empty() : Optional.of(uri));
    }

    /** The file the embedded archive of a data directory keeps everything in. */
    public static Path embeddedFile(Path dataDir) {
        return dataDir.resolve("archive.mv");
    }

    /**
     * True when there is an archive to read: a MongoDB is named (it answers for itself), or the data directory holds
     * an embedded archive. Commands that only read check this first, so that a mistyped directory is never made one.
     */
    public boolean exists() {
        return mongoUri.isPresent() || Files.isRegularFile(embeddedFile(dataDir));
    }

    /** How the location is shown to users and in logs: never with a password. */
    public String describe() {
        return mongoUri.map(MongoUris::redact).orElse("embedded archive in " + dataDir.toAbsolutePath().normalize());
    }
}
