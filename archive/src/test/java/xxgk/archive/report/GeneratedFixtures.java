package xxgk.archive.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes the PDF and DOC fixtures in {@code src/test/resources/reports/generated}: the known values rendered as
 * DOCX by {@link RenderedReports}, then converted by LibreOffice, whose PDFs embed a CJK font and lay the tables
 * out as Word does (cells wrapping, table 三 split across pages). Committed, so tests need neither LibreOffice
 * nor a CJK font. Regenerate from the archive module with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=xxgk.archive.report.GeneratedFixtures}.
 */
public final class GeneratedFixtures {

    static final Path DIRECTORY = Path.of("src/test/resources/reports/generated");

    private GeneratedFixtures() {
    }

    /** The fixtures by file stem: both synthetic formats and every seed's values. */
    static Map<String, ExpectedReport> reports() {
        Map<String, ExpectedReport> reports = new LinkedHashMap<>();
        reports.put("synthetic-fmt2021", SyntheticReports.consistent(ReportFormat.FMT2021));
        reports.put("synthetic-fmt2019", SyntheticReports.consistent(ReportFormat.FMT2019));
        for (String seed : SeedReportsTest.SEEDS) {
            reports.put(seed, ExpectedReport.resource(seed));
        }
        return reports;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Files.createDirectories(DIRECTORY);
        Path work = Files.createTempDirectory("xxgk-fixtures");
        for (Map.Entry<String, ExpectedReport> report : reports().entrySet()) {
            Path docx = work.resolve(report.getKey() + ".docx");
            Files.write(docx, RenderedReports.docx(report.getValue()));
            for (String format : new String[] {"pdf", "doc"}) {
                Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", format, "--outdir",
                        DIRECTORY.toString(), docx.toString()).inheritIO().start();
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("soffice could not convert " + docx + " to " + format);
                }
            }
        }
    }
}
