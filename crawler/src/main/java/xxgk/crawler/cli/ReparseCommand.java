package xxgk.crawler.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.report.ReportParser;

@Command(name = "reparse", description = "Recognise the archived reports again and parse their tables from the originals, without "
        + "crawling: the originals parsed by an older parser version (or never), or all of them with --all.")
final class ReparseCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's reports.")
    String site;

    @Option(names = "--all", description = "Parse every original again, even those parsed by this parser version.")
    boolean all;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        try (Archive store = xxgk.global.openToRead(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            ArchivedSites.require(store, site);
            // Recognition may have improved too, and an archive crawled before it has no catalogue yet.
            List<Report> reports = store.catalog().refresh(site == null ? store.captures().sites() : List.of(site));
            int parsed = statistics.parse(reports, all);
            long withTables = reports.stream().filter(r -> statistics.of(r).isPresent()).count();
            System.out.println(parsed + " originals parsed by parser " + ReportParser.VERSION + "; " + withTables + " of "
                    + reports.size() + " reports have tables (xxgk export)");
        }
        return 0;
    }
}
