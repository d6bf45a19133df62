package xxgk.crawler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xxgk.archive.report.Check;
import xxgk.archive.report.ParsedReport;
import xxgk.archive.report.ReportJson;
import xxgk.archive.report.ReportParser;

/**
 * Parses local report files in one process, with one parser (its Tika is costly to create). One file prints as it
 * always did; several (or a directory's files) print each with its name and parse time, and a file that cannot be
 * parsed is one line on standard error while the others go on.
 */
@Command(name = "parse", description = "Parse local report files (PDF, DOCX, DOC, HTML, ZIP), or every file under a directory:"
        + " format, agency, year, tables 二/三/四 and their checks.")
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files or directories (read recursively).")
    List<Path> paths;

    @Option(names = "--json", description = "One JSON object per file with format, agency, year, tables and checks"
            + " (with several files, also file and parse_ms).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<Path> files = files();
        ReportParser parser = new ReportParser();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (files.size() == 1 && paths.size() == 1 && !Files.isDirectory(paths.get(0))) {
            print(files.get(0), parse(parser, files.get(0)), -1, out);
            return 0;
        }
        int failed = 0;
        for (Path file : files) {
            long start = System.nanoTime();
            try {
                ParsedReport report = parse(parser, file);
                print(file, report, (System.nanoTime() - start) / 1_000_000, out);
            } catch (IllegalArgumentException e) {
                System.err.println("xxgk: " + e.getMessage());
                failed++;
            }
        }
        if (failed > 0) {
            System.err.printf(Locale.ROOT, "xxgk: %d of %d files not parsed%n", failed, files.size());
        }
        return failed > 0 ? 1 : 0;
    }

    /** The files named, directories replaced by the regular files under them in name order. */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> under = Files.walk(path)) {
                    under.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException(path + ": no such file");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(paths.get(0) + ": no files under it");
        }
        return files;
    }

    /** The report in file; what keeps it from being one is an IllegalArgumentException naming the file. */
    private static ParsedReport parse(ReportParser parser, Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new IllegalArgumentException(file + ": empty file; nothing to parse");
        }
        ParsedReport report;
        try {
            report = parser.parse(file);
        } catch (IOException e) {
            // A broken, truncated or encrypted document: the reader's own words say which.
            throw new IllegalArgumentException(file + ": cannot be read as a report: " + e.getMessage());
        }
        if (report.title().isEmpty() && report.tables().isEmpty()) {
            throw new IllegalArgumentException(file + ": not an annual report (no 政府信息公开 report title, none of tables 二, 三, 四)");
        }
        return report;
    }

    /** One report as before; with its file and parse time (millis ≥ 0) when several are parsed. */
    private void print(Path file, ParsedReport report, long millis, PrintStream out) {
        if (json) {
            ObjectNode object = ReportJson.toJson(report);
            if (millis >= 0) {
                object.put("file", file.toString());
                object.put("parse_ms", millis);
            }
            out.println(object);
            return;
        }
        if (millis >= 0) {
            out.printf(Locale.ROOT, "%s  (%d ms)%n", file, millis);
        }
        out.printf("%s  %s  %d  %s%n", report.format().id(), report.agency(), report.year(), report.title());
        for (Check check : report.checks()) {
            out.printf("  %-15s %-14s expected %s, actual %s%n", check.id(), check.status(), check.expected(), check.actual());
        }
        report.warnings().forEach(w -> out.println("  warning: " + w));
        report.notes().forEach(n -> out.println("  note: " + n));
    }
}
