package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.catalog.ReportsJson;

@Command(name = "reports", description = "List the annual reports recognised in the archive, one line per report.")
final class ReportsCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's reports.")
    String site;

    @Option(names = "--year", paramLabel = "Y", description = "Only reports covering this year.")
    Integer year;

    @Option(names = "--json", description = "One JSON object per line: id, site, agency, year, title, published, published_source, "
            + "publisher, article_url, originals, locations, and once parsed format, tables, checks, warnings, parsed_from.")
    boolean json;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive store = archive.open(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            // The year before a chosen year is read too: the cross-year rules compare against it.
            List<Report> candidates = store.catalog().reports(Optional.ofNullable(site), OptionalInt.empty());
            for (Report r : candidates) {
                if (year != null && r.year() != year) {
                    continue;
                }
                Optional<ReportStatistics.Parsed> parsed = statistics.of(r);
                out.println(json ? ReportsJson.toJson(r, parsed, statistics.acrossYears(r, parsed, candidates)).toString()
                        : String.format("%s  %-24s  %s  %s  %d URL%s  %s  %s", r.year() == 0 ? "----" : r.year(), r.agency(), r.title(),
                                String.join(",", r.formats()), r.locations().size(), r.locations().size() == 1 ? "" : "s",
                                parsed.map(ReportsCommand::tables).orElse("no tables"), r.id()));
            }
        }
        return 0;
    }

    /** The tables in a few words: cells read, and the checks that fail. */
    private static String tables(ReportStatistics.Parsed parsed) {
        List<String> failed = new java.util.ArrayList<>();
        parsed.result().path("checks").forEach(c -> {
            if (c.path("status").asText().equals("FAIL")) {
                failed.add(c.path("id").asText());
            }
        });
        return parsed.parse().cellCount() + " cells, " + (failed.isEmpty() ? "no check fails" : "FAIL " + String.join(",", failed));
    }
}
