package xxgk.archive.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: cell accuracy per table and per format, and parse time per document, on every fixture — the seeds'
 * text, the LibreOffice PDF and DOC fixtures, HTML and DOCX rendered from the same known values, and PDFs whose
 * text layer lost label characters; then every PDF fixture scanned and read by OCR (cells right, flagged uncertain,
 * wrong), and the common figures of the real pre2019 reports. Run from the
 * repository root with
 * {@code mvn -q -pl archive test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=xxgk.archive.report.ReportParsingBenchmark}.
 *
 * <p>Measured on 2026-12-05 (parser version 3, 36 documents, on 2 cores shared with other builds): every printed
 * cell right (table 二 480/480, 三 5915/5915, 四 540/540), the three PDFs with damaged text layers
 * included, no cell read that is not printed; scans of the 7 PDF fixtures read cell by cell: 1309 cells right,
 * 38 flagged uncertain (none of them misread), 0 wrong, 21–32 s a scan; the four pre2019 reports: 11/11 common
 * figures right, none invented.
 * The fixtures are the seeds and renderings of known values, so these numbers bound regressions rather than
 * predict accuracy on unseen portals.
 */
public final class ReportParsingBenchmark {

    private static final int RUNS = 7;

    private record Document(String name, ExpectedReport expected, byte[] content) {
    }

    private ReportParsingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long created = System.nanoTime();
        ReportParser parser = new ReportParser();
        System.out.printf("ReportParser created in %d ms (Tika's AutoDetectParser)%n", (System.nanoTime() - created) / 1_000_000);
        Map<String, ExpectedReport.Score> byTable = new LinkedHashMap<>();
        Map<String, ExpectedReport.Score> byFormat = new LinkedHashMap<>();
        Map<String, ExpectedReport.Score> byKind = new LinkedHashMap<>();
        System.out.printf("%n%-36s %9s %9s %9s %9s %8s%n", "document", "table2", "table3", "table4", "extra", "ms");
        for (Document doc : documents()) {
            parser.parse(doc.content(), doc.name());
            long[] times = new long[RUNS];
            ParsedReport parsed = null;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                parsed = parser.parse(doc.content(), doc.name());
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            Map<String, ExpectedReport.Score> scores = doc.expected().scores(parsed);
            int extra = scores.values().stream().mapToInt(ExpectedReport.Score::extra).sum();
            System.out.printf("%-36s %9s %9s %9s %9d %8.1f%n", doc.name(), ratio(scores.get("table2")),
                    ratio(scores.get("table3")), ratio(scores.get("table4")), extra, times[RUNS / 2] / 1e6);
            String kind = doc.name().substring(doc.name().lastIndexOf('.') + 1);
            scores.forEach((table, score) -> {
                byTable.merge(table, score, ExpectedReport.Score::plus);
                byFormat.merge(doc.expected().format(), score, ExpectedReport.Score::plus);
                byKind.merge(kind, score, ExpectedReport.Score::plus);
            });
        }
        print("per table", byTable);
        print("per format", byFormat);
        print("per document type", byKind);
        scans(parser);
        pre2019(parser);
    }

    /** Every fixture PDF scanned (pages as images only), read once: OCR is slow, and the same each time. */
    private static void scans(ReportParser parser) throws IOException {
        if (!xxgk.archive.report.document.OcrAvailability.chineseOcrInstalled()) {
            System.out.printf("%nScans: tesseract with chi_sim is not installed, scans are NEEDS_OCR%n");
            return;
        }
        System.out.printf("%nScanned renderings read cell by cell (right and unflagged / flagged uncertain, of them"
                + " misread / misread or missing without a flag):%n%-36s %7s %14s %7s %8s%n", "document", "right",
                "flagged(wrong)", "wrong", "s");
        ExpectedReport.ScanScore total = new ExpectedReport.ScanScore(0, 0, 0, 0);
        for (Map.Entry<String, ExpectedReport> fixture : GeneratedFixtures.reports().entrySet()) {
            byte[] scan = ScannedRendering.of("/reports/generated/" + fixture.getKey() + ".pdf");
            long start = System.nanoTime();
            ParsedReport parsed = parser.parse(scan, fixture.getKey() + ".scan.pdf");
            double seconds = (System.nanoTime() - start) / 1e9;
            ExpectedReport.ScanScore score = fixture.getValue().scanScore(parsed);
            total = total.plus(score);
            System.out.printf("%-36s %7d %10d(%d) %7d %8.1f%n", fixture.getKey() + ".scan.pdf", score.right(),
                    score.flagged(), score.flaggedWrong(), score.wrong(), seconds);
        }
        System.out.printf("%-36s %7d %10d(%d) %7d%n", "all scans", total.right(), total.flagged(),
                total.flaggedWrong(), total.wrong());
    }

    /** The real pre2019 reports: common figures read right, of those their sources state. */
    private static void pre2019(ReportParser parser) throws IOException {
        System.out.printf("%nPre2019 reports, common figures (right/stated, read but not stated):%n");
        for (String name : Pre2019ReportsTest.REPORTS) {
            Map<String, Long> read = Pre2019ReportsTest.figures(Pre2019ReportsTest.parse(parser, name));
            Map<String, Long> stated = new LinkedHashMap<>();
            Pre2019ReportsTest.expected(name).get("commonFigures").fields()
                    .forEachRemaining(e -> stated.put(e.getKey(), e.getValue().asLong()));
            long right = stated.entrySet().stream().filter(e -> e.getValue().equals(read.get(e.getKey()))).count();
            long extra = read.keySet().stream().filter(k -> !stated.containsKey(k)).count();
            System.out.printf("  %-20s %d/%d, %d%n", name, right, stated.size(), extra);
        }
    }

    private static List<Document> documents() throws IOException {
        List<Document> documents = new ArrayList<>();
        for (String seed : SeedReportsTest.SEEDS) {
            documents.add(new Document(seed + ".txt", ExpectedReport.resource(seed), resource("/reports/" + seed + ".txt")));
        }
        for (Map.Entry<String, ExpectedReport> fixture : GeneratedFixtures.reports().entrySet()) {
            String stem = fixture.getKey();
            ExpectedReport expected = fixture.getValue();
            documents.add(new Document(stem + ".pdf", expected, resource("/reports/generated/" + stem + ".pdf")));
            documents.add(new Document(stem + ".doc", expected, resource("/reports/generated/" + stem + ".doc")));
            documents.add(new Document(stem + ".html", expected, RenderedReports.html(expected)));
            documents.add(new Document(stem + ".docx", expected, RenderedReports.docx(expected)));
        }
        for (String stem : DamagedTextLayerTest.DAMAGED) {
            documents.add(new Document(stem + ".damaged.pdf", ExpectedReport.resource(stem), DamagedTextLayerTest.damaged(stem)));
        }
        return documents;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ReportParsingBenchmark.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static String ratio(ExpectedReport.Score score) {
        return score.correct() + "/" + score.expected();
    }

    private static void print(String title, Map<String, ExpectedReport.Score> scores) {
        System.out.printf("%nCell accuracy %s:%n", title);
        scores.forEach((name, s) -> System.out.printf("  %-10s %6d/%-6d %6.2f%%  (%d cells read that are not printed)%n",
                name, s.correct(), s.expected(), 100.0 * s.correct() / Math.max(1, s.expected()), s.extra()));
    }
}
