package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.catalog.ReportListing;

@Command(name = "reports", description = "List the annual reports recognised in the archive, one line per report.")
final class ReportsCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's reports.")
    String site;

    @Option(names = "--year", paramLabel = "Y", description = "Only reports covering this year.")
    Integer year;

    @Option(names = "--json", description = "One JSON object per line: id, site, agency, year, title, published, published_source, "
            + "publisher, article_url, originals, locations, and once parsed format, tables, checks, warnings, parsed_from.")
    boolean json;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive store = xxgk.global.openToRead(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            ArchivedSites.require(store, site);
            AlignedTable table = new AlignedTable("YEAR", "AGENCY", "TITLE", "FORMATS", "URLS", "TABLES", "STATUS", "ID").alignRight(4);
            for (ReportListing.Listed listed : ReportListing.of(store.catalog(), statistics, Optional.ofNullable(site),
                    year == null ? OptionalInt.empty() : OptionalInt.of(year))) {
                Report r = listed.report();
                if (json) {
                    out.println(listed.toJson().toString());
                } else {
                    table.add(r.year() == 0 ? "----" : r.year(), r.agency(), r.title(), String.join(",", r.formats()),
                            r.locations().size(), listed.parsed().map(ReportsCommand::tables).orElse("no tables"), status(r), r.id());
                }
            }
            table.print(out);
        }
        return 0;
    }

    /** current, or removed with the day it was seen removed. */
    private static String status(Report r) {
        return r.removedAt().map(removal -> "removed " + removal.at().toString().substring(0, 10))
                .orElse(r.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The tables in a few words: cells read, and the checks that fail. */
    private static String tables(ReportStatistics.Parsed parsed) {
        List<String> failed = parsed.failedChecks();
        return parsed.parse().cellCount() + " cells, " + (failed.isEmpty() ? "no check fails" : "FAIL " + String.join(",", failed));
    }
}
