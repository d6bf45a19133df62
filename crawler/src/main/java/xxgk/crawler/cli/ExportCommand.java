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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.export.ExportRow;
import xxgk.archive.export.ReportExport;

@Command(name = "export", description = "Every parsed report as one row: agency, year, site, url, sha256, then one column per table cell "
        + "(t3_1_自然人 … t4_15, t2_…), as CSV or JSON Lines.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "csv|jsonl", required = true, description = "csv (every column in every row) or jsonl (one object per line).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (replaced whole, never left half-written) instead of standard output.")
    Path out;

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's reports.")
    String site;

    @Option(names = "--year", paramLabel = "Y", description = "Only reports covering this year.")
    Integer year;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws IOException {
        ReportExport.Format chosen = ReportExport.Format.of(format);
        List<ExportRow> rows = new ArrayList<>();
        int unparsed = 0;
        try (Archive store = archive.open(); ReportStatistics statistics = new ReportStatistics(store.blobs(), store.parses())) {
            for (Report r : store.catalog().reports(Optional.ofNullable(site), year == null ? OptionalInt.empty() : OptionalInt.of(year))) {
                Optional<ReportStatistics.Parsed> parsed = statistics.of(r);
                if (parsed.isPresent()) {
                    rows.add(parsed.get().row(r));
                } else {
                    unparsed++;
                }
            }
        }
        if (out == null) {
            ReportExport.write(rows, chosen, new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        } else {
            OutputFile.write(out, file -> {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    ReportExport.write(rows, chosen, w);
                }
            });
        }
        System.err.println(rows.size() + " reports exported" + (unparsed > 0 ? "; " + unparsed
                + " without parsed tables left out (xxgk reparse; xxgk reports --json shows why)" : ""));
        return 0;
    }
}
