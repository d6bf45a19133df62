package xxgk.crawler.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.export.ReportExport;
import xxgk.archive.export.WarcExport;

@Command(name = "export", description = "Every parsed report as one row: id, agency, year, title, published, format, status, checks_failed, "
        + "parser_version, site, url, sha256, then one column per table cell (t2_…, t3_1_自然人 … t4_15), as CSV or JSON Lines; "
        + "or every capture as WARC 1.1 (--format warc -o FILE.warc.gz [--cdxj FILE]).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "csv|jsonl|warc", required = true,
            description = "csv (every column in every row), jsonl (one object per line), or warc (the captures, for pywb and other WARC tools).")
    String format;

    @Option(names = "--cdxj", paramLabel = "FILE", description = "With --format warc: also write a CDXJ index of the WARC file.")
    Path cdxj;

    @Option(names = {"-o", "--output", "--out"}, paramLabel = "FILE", description = "Write to FILE (replaced whole, never left half-written) instead of standard output.")
    Path output;

    @Option(names = "--codebook", paramLabel = "FILE", description = "Also write what every column means, in Chinese and English, as CSV.")
    Path codebook;

    @Option(names = "--bom", description = "Begin CSV files with a byte order mark, so that Excel reads them as UTF-8.")
    boolean bom;

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's reports.")
    String site;

    @Option(names = "--year", paramLabel = "Y", description = "Only reports covering this year.")
    Integer year;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws IOException {
        if (format.equals("warc")) {
            return warc();
        }
        if (cdxj != null) {
            throw new IllegalArgumentException("--cdxj indexes a WARC file: it goes with --format warc");
        }
        ReportExport.Format chosen = ReportExport.Format.of(format);
        if (bom && chosen != ReportExport.Format.CSV) {
            throw new IllegalArgumentException("--bom is for CSV: a JSON Lines file begins with its first object");
        }
        // Counted as the rows go by, the last time they do (CSV reads them twice).
        int[] exported = new int[1];
        int[] unparsed = new int[1];
        try (Archive store = xxgk.global.openToRead(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            ArchivedSites.require(store, site);
            ReportExport.Rows rows = action -> {
                exported[0] = 0;
                unparsed[0] = 0;
                store.catalog().forEach(Optional.ofNullable(site), year == null ? OptionalInt.empty() : OptionalInt.of(year),
                        r -> statistics.of(r).ifPresentOrElse(parsed -> {
                            exported[0]++;
                            action.accept(parsed.row(r));
                        }, () -> unparsed[0]++));
            };
            if (output == null) {
                ReportExport.write(rows, chosen, bom, new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            } else {
                OutputFile.write(output, file -> {
                    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        ReportExport.write(rows, chosen, bom, w);
                    }
                });
            }
        }
        if (codebook != null) {
            OutputFile.write(codebook, file -> {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    ReportExport.writeCodebook(bom, w);
                }
            });
        }
        xxgk.global.notes().println(exported[0] + " reports exported" + (unparsed[0] > 0 ? "; " + unparsed[0]
                + " without parsed tables left out (xxgk reparse; xxgk reports --json shows why)" : ""));
        return 0;
    }

    /** Every capture (of one site) as WARC records, and their CDXJ index when asked. */
    private int warc() throws IOException {
        if (output == null) {
            throw new IllegalArgumentException("--format warc writes a file: name it with -o FILE.warc.gz");
        }
        if (year != null || codebook != null || bom) {
            throw new IllegalArgumentException("--year, --codebook and --bom are for report rows, not for --format warc");
        }
        WarcExport.Written[] written = new WarcExport.Written[1];
        try (Archive store = xxgk.global.openToRead()) {
            ArchivedSites.require(store, site);
            OutputFile.write(output, file -> written[0] = new WarcExport(store).write(Optional.ofNullable(site), file));
        }
        if (cdxj != null) {
            OutputFile.write(cdxj, file -> WarcExport.index(output, output.getFileName().toString(), file));
        }
        xxgk.global.notes().println(written[0].captures() + " captures exported to " + output + " (" + written[0].revisits()
                + " of them revisits)" + (cdxj != null ? ", indexed in " + cdxj : ""));
        return 0;
    }
}
