package xxgk.archive;

import java.io.IOException;
import java.nio.file.Path;

/** For tests that talk to a running embedded archive directly, as a joining process does. */
public final class EmbeddedArchiveClient {

    private EmbeddedArchiveClient() {
    }

    public static String connectionString(Path dataDir) throws IOException {
        return secret(dataDir).connectionString();
    }

    /** The loopback port the owner serves the archive on. */
    public static int port(Path dataDir) throws IOException {
        return secret(dataDir).port();
    }

    static ArchiveSecret secret(Path dataDir) throws IOException {
        return ArchiveSecret.read(dataDir);
    }
}
