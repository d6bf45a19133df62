package xxgk.crawler.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.ArchiveLocation;
import xxgk.config.SiteConfig;
import xxgk.crawler.engine.ProgressDisplay;

/**
 * The options every command takes, before or after its name (git's way): where the archive and the sites are,
 * and how much to say. Each falls back on an environment variable, so that cron jobs need not repeat them.
 */
final class GlobalOptions {

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory: the embedded archive and crawl state (default: $" + ArchiveLocation.DATA_ENV
                    + ", else ./" + ArchiveLocation.DEFAULT_DATA_DIR + ").")
    Path data;

    @Option(names = "--mongo", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "Use this MongoDB instead of the embedded archive (default: $" + ArchiveLocation.MONGO_ENV + " when set).")
    String mongo;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Sites file (default: $" + SiteConfig.FILE_ENV + ", else " + SiteConfig.DEFAULT_FILE + ").")
    Path config;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress and no summaries: only errors and what was asked for (for cron).")
    boolean quiet;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log what xxgk does (repeat for debugging detail).")
    boolean[] verbose = new boolean[0];

    @Option(names = "--log-file", paramLabel = "FILE", scope = ScopeType.INHERIT, description = "Also append the log to FILE.")
    Path logFile;

    ArchiveLocation location() {
        return ArchiveLocation.of(data, mongo);
    }

    /** Opens the archive, making an embedded one in the data directory when there is none: for commands that write. */
    Archive open() {
        return told(Archive.open(location()));
    }

    /** The archive, once the user has been told what opening it migrated. */
    private static Archive told(Archive archive) {
        archive.migrations().forEach(m -> System.err.println("xxgk: " + m));
        return archive;
    }

    /** Opens an archive that exists: a command that only reads never makes one where a mistyped --data points. */
    Archive openToRead() {
        ArchiveLocation location = location();
        if (!location.exists()) {
            throw new ArchiveException("no archive in " + location.dataDir().toAbsolutePath().normalize()
                    + " (name the data directory with --data DIR or $" + ArchiveLocation.DATA_ENV + "; xxgk crawl makes one)");
        }
        return told(Archive.open(location));
    }

    SiteConfig sites() {
        return SiteConfig.load(SiteConfig.file(config));
    }

    /** Where progress and summaries go: standard output, or nowhere with --quiet. */
    PrintStream info() {
        return quiet ? new PrintStream(OutputStream.nullOutputStream()) : new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    /** How a crawl shows its progress: a status line on a terminal, a line every 30 s elsewhere, nothing with --quiet. */
    ProgressDisplay progress() {
        return quiet ? ProgressDisplay.NONE
                : Terminal.attached() ? new TerminalStatusLine(System.err) : ProgressDisplay.lines(info(), ProgressDisplay.UNWATCHED, Clock.systemUTC());
    }

    /** Where notes about the output go (counts left out, redirects): standard error, or nowhere with --quiet. */
    PrintStream notes() {
        return quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
    }
}
