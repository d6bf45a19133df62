package xxgk.crawler.cli;

import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import xxgk.archive.ArchiveException;
import xxgk.archive.MongoUris;
import xxgk.config.ConfigException;

/** The xxgk command line: configure sites, crawl, and read back what was archived. */
@Command(name = "xxgk", mixinStandardHelpOptions = true, version = "xxgk 0.1.0",
        description = "Crawl and archive Chinese government open-information annual reports (政府信息公开工作年度报告).",
        subcommands = {CrawlCommand.class, SitesCommand.class, ListCommand.class, GetCommand.class, TextCommand.class,
                RunsCommand.class, ParseCommand.class, ReportsCommand.class, ReparseCommand.class, ExportCommand.class,
                DiscoverCommand.class, GcCommand.class, CheckCommand.class, DemoCommand.class})
public final class Xxgk {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line; errors a user can cause end in one line on stderr and status 1. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Xxgk());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException || e instanceof ArchiveException || e instanceof IllegalArgumentException) {
                System.err.println("xxgk: " + MongoUris.redact(e.getMessage()));
                return 1;
            }
            LoggerFactory.getLogger(Xxgk.class).error("internal error", e);
            System.err.println("xxgk: internal error: " + e + " (details above)");
            return 2;
        });
        return cli.execute(args);
    }
}
