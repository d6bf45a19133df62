package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real reports from before 2019 ({@code reports/pre2019}, each with its source), whose figures are prose: they map
 * to the common figures, each with the sentence it was read from, and nothing else is invented.
 */
class Pre2019ReportsTest {

    static final String[] REPORTS = {"hainan-2014", "tljq-2017", "tunchang-2015", "daoxian-2013"};

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    static ParsedReport parse(ReportParser parser, String name) throws IOException {
        try (InputStream in = Pre2019ReportsTest.class.getResourceAsStream("/reports/pre2019/" + name + ".txt")) {
            return parser.parse(in.readAllBytes(), name + ".txt");
        }
    }

    static JsonNode expected(String name) throws IOException {
        try (InputStream in = Pre2019ReportsTest.class.getResourceAsStream("/reports/pre2019/" + name + ".expected.json")) {
            return ExpectedReport.MAPPER.readTree(in);
        }
    }

    /** The figures read, by id, as in the expected files. */
    static Map<String, Long> figures(ParsedReport parsed) {
        Map<String, Long> figures = new LinkedHashMap<>();
        parsed.commonFigures().forEach((f, v) -> figures.put(f.id(), v.value()));
        return figures;
    }

    static Stream<String> reports() {
        return Stream.of(REPORTS);
    }

    @ParameterizedTest
    @MethodSource("reports")
    void theFiguresOfAPre2019ReportMapToTheCommonSet(String name) throws IOException {
        ParsedReport parsed = parse(parser, name);
        Map<String, Long> expected = new LinkedHashMap<>();
        expected(name).get("commonFigures").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));

        assertThat(figures(parsed)).isEqualTo(expected);
        assertThat(parsed.tables().isEmpty()).isTrue();
        parsed.commonFigures().values().forEach(v -> assertThat(v.source().location()).matches("line \\d+"));
    }

    @Test
    void eachFigureKeepsTheSentenceItWasReadFrom() throws IOException {
        ParsedReport parsed = parse(parser, "hainan-2014");

        assertThat(parsed.commonFigures().get(CommonFigure.APPLICATIONS_RECEIVED).source().text())
                .isEqualTo("2014年，我局收到12起政府信息依申请公开，均严格按程序和时限办理");
        assertThat(ReportJson.toJson(parsed).get("commonFigures").get("lawsuits").get("source").asText())
                .contains("未发生因政府信息公开产生申请行政复议或者提起行政诉讼");
    }

    @Test
    void sentencesThatCountEveryOutcomeMapToTheirFigures() throws IOException {
        // Real prose (晋安区发展和改革局, report for 2023) in the shape many pre2019 reports use.
        String prose = "2.对申请的办理情况：已答复件数12件，其中：“予以公开”的件数为1件；“部分公开”1件；“不予公开”0件；"
                + "“无法提供--本机关不掌握相关政府信息”9件；“不予处理”0件。\n";
        ParsedReport parsed = parser.parse(("1.受理申请情况：2023年度我局收到群众提出要求依申请公开的政府信息12件。\n" + prose)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "prose.txt");

        assertThat(figures(parsed)).containsEntry("applications_received", 12L).containsEntry("disclosed", 1L)
                .containsEntry("partly_disclosed", 1L).containsEntry("refused", 0L).containsEntry("not_held", 9L);
    }

    @Test
    void aReportWithTablesTakesItsFiguresFromThem() throws IOException {
        ParsedReport parsed = SeedReportsTest.parseSeed(parser, "001_d601352be8b8720b");

        assertThat(figures(parsed)).containsEntry("applications_received", 38L).containsEntry("disclosed", 12L)
                .containsEntry("partly_disclosed", 13L).containsEntry("refused", 3L).containsEntry("not_held", 9L)
                .containsEntry("administrative_reviews", 4L).containsEntry("lawsuits", 2L);
        assertThat(parsed.commonFigures().get(CommonFigure.APPLICATIONS_RECEIVED).source().location()).isEqualTo("t3_1_总计");
    }
}
