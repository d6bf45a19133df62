package xxgk.crawler.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;

/** --data and --mongo, accepted by every command that touches the archive. */
final class ArchiveOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: the embedded archive and crawl state (default: ${DEFAULT-VALUE}).",
            defaultValue = ArchiveLocation.DEFAULT_DATA_DIR)
    Path data;

    @Option(names = "--mongo", paramLabel = "URI",
            description = "Use this MongoDB instead of the embedded archive (default: $" + ArchiveLocation.MONGO_ENV + " when set).")
    String mongo;

    ArchiveLocation location() {
        return ArchiveLocation.of(data, mongo);
    }

    /** Opens the archive, telling the user what opening it migrated. */
    Archive open() {
        Archive archive = Archive.open(location());
        archive.migrations().forEach(m -> System.err.println("xxgk: " + m));
        return archive;
    }
}
