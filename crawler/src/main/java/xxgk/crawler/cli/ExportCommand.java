package xxgk.crawler.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.export.ExportRow;
import xxgk.archive.export.ReportExport;

@Command(name = "export", description = "Every parsed report as one row: id, agency, year, title, published, format, status, checks_failed, "
        + "parser_version, site, url, sha256, then one column per table cell (t2_…, t3_1_自然人 … t4_15), as CSV or JSON Lines.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "csv|jsonl", required = true, description = "csv (every column in every row) or jsonl (one object per line).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced whole, never left half-written) instead of standard output.")
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
        ReportExport.Format chosen = ReportExport.Format.of(format);
        if (bom && chosen != ReportExport.Format.CSV) {
            throw new IllegalArgumentException("--bom is for CSV: a JSON Lines file begins with its first object");
        }
        List<ExportRow> rows = new ArrayList<>();
        int unparsed = 0;
        try (Archive store = xxgk.global.openToRead(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            ArchivedSites.require(store, site);
            for (Report r : store.catalog().reports(Optional.ofNullable(site), year == null ? OptionalInt.empty() : OptionalInt.of(year))) {
                Optional<ReportStatistics.Parsed> parsed = statistics.of(r);
                if (parsed.isPresent()) {
                    rows.add(parsed.get().row(r));
                } else {
                    unparsed++;
                }
            }
        }
        if (output == null) {
            ReportExport.write(rows, chosen, bom, new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        } else {
            OutputFile.write(output, file -> {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    ReportExport.write(rows, chosen, bom, w);
                }
            });
        }
        if (codebook != null) {
            OutputFile.write(codebook, file -> {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    ReportExport.writeCodebook(bom, w);
                }
            });
        }
        xxgk.global.notes().println(rows.size() + " reports exported" + (unparsed > 0 ? "; " + unparsed
                + " without parsed tables left out (xxgk reparse; xxgk reports --json shows why)" : ""));
        return 0;
    }
}
