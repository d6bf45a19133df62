package xxgk.crawler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xxgk.archive.report.Check;
import xxgk.archive.report.ParsedReport;
import xxgk.archive.report.ReportJson;
import xxgk.archive.report.ReportParser;

@Command(name = "parse", description = "Parse a local report file (PDF, DOCX, DOC, HTML, ZIP): format, agency, year, tables 二/三/四 and their checks.")
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--json", description = "One JSON object with format, agency, year, tables and checks.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (Files.size(file) == 0) {
            throw new IllegalArgumentException(file + ": empty file; nothing to parse");
        }
        ParsedReport report;
        try {
            report = new ReportParser().parse(file);
        } catch (IOException e) {
            // A broken, truncated or encrypted document: the reader's own words say which.
            throw new IllegalArgumentException(file + ": cannot be read as a report: " + e.getMessage());
        }
        if (report.title().isEmpty() && report.tables().isEmpty()) {
            throw new IllegalArgumentException(file + ": not an annual report (no 政府信息公开 report title, none of tables 二, 三, 四)");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (json) {
            out.println(ReportJson.toJsonString(report));
            return 0;
        }
        out.printf("%s  %s  %d  %s%n", report.format().id(), report.agency(), report.year(), report.title());
        for (Check check : report.checks()) {
            out.printf("  %-15s %-14s expected %s, actual %s%n", check.id(), check.status(), check.expected(), check.actual());
        }
        report.warnings().forEach(w -> out.println("  warning: " + w));
        report.notes().forEach(n -> out.println("  note: " + n));
        return 0;
    }
}
