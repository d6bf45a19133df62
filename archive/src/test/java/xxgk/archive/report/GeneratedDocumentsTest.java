package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents generated from known values in the official layout — HTML with rowspan/colspan and vertical headers,
 * DOCX with gridSpan/vMerge — parse back to exactly those values, in both formats and for every seed's values.
 */
class GeneratedDocumentsTest {

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    static String[] seeds() {
        return SeedReportsTest.SEEDS;
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"FMT2021", "FMT2019"})
    void htmlTablesWithMergedCellsParseToTheKnownValues(ReportFormat format) throws IOException {
        ExpectedReport known = SyntheticReports.consistent(format);

        ParsedReport parsed = parser.parse(RenderedReports.html(known), "report.html");

        assertThat(known.differences(parsed)).isEmpty();
        assertThat(parsed.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.PASS));
        assertThat(parsed.tables().table3().cell(Table3Key.TOTAL, Applicant.TOTAL).orElseThrow().source().location())
                .matches("table 2, row \\d+, column 10");
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"FMT2021", "FMT2019"})
    void docxTablesWithMergedCellsParseToTheKnownValues(ReportFormat format) throws IOException {
        ExpectedReport known = SyntheticReports.consistent(format);

        ParsedReport parsed = parser.parse(RenderedReports.docx(known), "report.docx");

        assertThat(known.differences(parsed)).isEmpty();
        assertThat(parsed.notes()).anySatisfy(n -> assertThat(n).startsWith("read by docx-grid"));
        assertThat(parsed.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.PASS));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedValuesRenderedAsHtmlAndDocxParseBack(String stem) throws IOException {
        ExpectedReport known = ExpectedReport.resource(stem);

        assertThat(known.differences(parser.parse(RenderedReports.html(known), stem + ".html"))).isEmpty();
        assertThat(known.differences(parser.parse(RenderedReports.docx(known), stem + ".docx"))).isEmpty();
    }

    @Test
    void aGbkPageDeclaringGb2312IsDecodedAsGb18030() throws IOException {
        ExpectedReport known = SyntheticReports.consistent(ReportFormat.FMT2021);
        String html = new String(RenderedReports.html(known), StandardCharsets.UTF_8)
                .replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");

        ParsedReport parsed = parser.parse(html.getBytes(Charset.forName("GB18030")), "report.htm");

        assertThat(known.differences(parsed)).isEmpty();
    }

    @Test
    void aGbkPageWronglyDeclaringUtf8OrANonsenseCharsetIsReadAsGbk() throws IOException {
        // The parser decodes pages by the same rule as the crawler and the catalogue (HtmlCharset).
        ExpectedReport known = SyntheticReports.consistent(ReportFormat.FMT2021);
        String html = new String(RenderedReports.html(known), StandardCharsets.UTF_8);
        for (String declared : new String[] {"<meta charset=\"utf-8\">", "<meta charset=\"_x\">"}) {
            String page = html.replace("<meta charset=\"utf-8\">", declared);

            ParsedReport parsed = parser.parse(page.getBytes(Charset.forName("GB18030")), "report.htm");

            assertThat(known.differences(parsed)).as(declared).isEmpty();
        }
    }

    @Test
    void aZipWithGbkMemberNamesIsRead() throws IOException {
        ExpectedReport known = SyntheticReports.consistent(ReportFormat.FMT2019);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, Charset.forName("GB18030"))) {
            out.putNextEntry(new ZipEntry("2020年度报告.docx"));
            out.write(RenderedReports.docx(known));
        }

        ParsedReport parsed = parser.parse(zip.toByteArray(), "attachments.zip");

        assertThat(known.differences(parsed)).isEmpty();
        assertThat(parsed.notes().get(0)).contains("2020年度报告.docx");
    }

    @Test
    void aPlantedBreakFailsExactlyTheRulesItTakesPartIn() throws IOException {
        // 3.3.4 自然人 raised by 5: its row total no longer adds up (rule 3), the 自然人 column's results no longer
        // sum to （七） (rule 2); 一+二 = （七）+四 still holds (rule 1), as （七） is printed unchanged.
        ExpectedReport consistent = SyntheticReports.consistent(ReportFormat.FMT2021);
        long printed = consistent.table3().get("3.3.4").get(0).longValue();
        ExpectedReport broken = SyntheticReports.withCell(consistent, "3.3.4", 0, printed + 5);

        ParsedReport parsed = parser.parse(RenderedReports.docx(broken), "broken.docx");

        assertThat(broken.differences(parsed)).isEmpty();
        assertThat(parsed.checks()).filteredOn(c -> c.status() == Check.Status.FAIL).extracting(Check::id)
                .containsExactly("t3_results_total", "t3_row_totals");
    }

    @Test
    void aZipIsParsedThroughTheMemberThatHoldsTheReport() throws IOException {
        ExpectedReport known = SyntheticReports.consistent(ReportFormat.FMT2019);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("说明.txt"));
            out.write("附件为年度报告。".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("2020年度报告.docx"));
            out.write(RenderedReports.docx(known));
        }

        ParsedReport parsed = parser.parse(zip.toByteArray(), "attachments.zip");

        assertThat(known.differences(parsed)).isEmpty();
        assertThat(parsed.notes().get(0)).contains("2020年度报告.docx");
    }
}
