package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import xxgk.archive.report.check.CrossYearRules;

/** The soft rules between consecutive years of one agency, on generated reports with known carry-overs. */
class CrossYearRulesTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void carriedOverRequestsAndDocumentsInForceAreComparedWithLastYear() throws IOException {
        // 2022: 四 carried to next year = 5,0,1,0,2,1,9; 行政规范性文件 现行有效 164.
        ExpectedReport y2022 = SyntheticReports.consistent(ReportFormat.FMT2021);
        ParsedReport previous = parser.parse(RenderedReports.html(y2022), "2022.html");
        // 2023 is the same document re-dated: 二 carried from last year = 3,1,0,2,1,0,7 ≠ 2022's 四, and
        // 164 + 12 制发 − 7 废止 = 169 ≠ the 164 printed.
        ParsedReport current = new ParsedReport(previous.format(), previous.agency(), 2023, previous.title(),
                previous.tables(), previous.checks(), previous.warnings(), previous.notes(), previous.ocr(),
                previous.parserVersion(), previous.uncertain(), previous.commonFigures());

        var warnings = CrossYearRules.consecutive(ReportJson.toJson(previous), ReportJson.toJson(current), 2023);

        assertThat(warnings).extracting(Warning::id).containsExactly("carried_over", "documents_in_force", "documents_in_force");
        assertThat(warnings.get(0).message()).contains("自然人 5 → 3");
    }

    @Test
    void reportsWithoutTheRowsComparedGiveNoWarnings() throws IOException {
        ParsedReport bare = parser.parse("某局2021年政府信息公开工作年度报告\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "bare.txt");

        assertThat(CrossYearRules.consecutive(ReportJson.toJson(bare), ReportJson.toJson(bare), 2022)).isEmpty();
    }
}
