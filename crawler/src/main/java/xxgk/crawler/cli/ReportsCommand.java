package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    @Option(names = "--json", description = "One JSON object per line: id, site, agency, year, title, published, article_url, "
            + "originals, locations, and once parsed format, tables, checks, warnings, parsed_from.")
    boolean json;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive store = archive.open(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            for (Report r : store.catalog().reports(Optional.ofNullable(site), year == null ? OptionalInt.empty() : OptionalInt.of(year))) {
                Optional<ReportStatistics.Parsed> parsed = statistics.of(r);
                out.println(json ? ReportsJson.toJson(r, parsed).toString()
                        : String.format("%s  %-24s  %s  %s  %d URL%s  %s  %s", r.year() == 0 ? "----" : r.year(), r.agency(), r.title(),
                                String.join(",", r.formats()), r.locations().size(), r.locations().size() == 1 ? "" : "s",
                                parsed.map(p -> p.parse().cellCount() + " cells").orElse("no tables"), r.id()));
            }
        }
        return 0;
    }
}
