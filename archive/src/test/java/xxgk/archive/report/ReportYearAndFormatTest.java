package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xxgk.archive.report.document.FlattenedTextReader;
import xxgk.archive.report.document.Row;

/** The report-year rule, the agency in the title, and format recognition by headers before year. */
class ReportYearAndFormatTest {

    @Test
    void theYearInTheTitleIsTheReportYear() {
        assertThat(ReportYear.of("绥芬河市人民政府 2021 年政府信息公开工作年度报告", Optional.of(LocalDate.of(2022, 1, 20))))
                .isEqualTo(2021);
    }

    @Test
    void withoutAYearInTheTitleTheReportCoversTheYearBeforePublication() {
        assertThat(ReportYear.of("本机关政府信息公开工作年度报告", Optional.of(LocalDate.of(2024, 1, 28)))).isEqualTo(2023);
        assertThat(ReportYear.of("本机关政府信息公开工作年度报告", Optional.empty())).isZero();
    }

    @Test
    void theAgencyIsNamedBeforeTheYearOrAfterIt() {
        assertThat(ReportTitle.agencyIn("南岗区城管局2021年政府信息公开工作年度报告")).isEqualTo("南岗区城管局");
        assertThat(ReportTitle.agencyIn("2020年度哈尔滨市交通运输局政府信息公开工作年度报告")).isEqualTo("哈尔滨市交通运输局");
    }

    @Test
    void aTitleBrokenOverTwoLinesAndThePrintedDateAreFound() {
        List<Row> rows = FlattenedTextReader.read("哈尔滨市2021年\n政府信息公开工作报告\n2022年1月20日\n一、总体情况\n", "text").rows();

        ReportTitle title = ReportTitle.find(rows);

        assertThat(title.title()).isEqualTo("哈尔滨市2021年政府信息公开工作报告");
        assertThat(title.agency()).isEqualTo("哈尔滨市");
        assertThat(title.published()).contains(LocalDate.of(2022, 1, 20));
    }

    @Test
    void aTitleIsItsPrintedLinesJoinedWhereverTheyBreak() {
        assertThat(ReportTitle.find(FlattenedTextReader.read("南岗区城管局2021年政府信息公开工作\n年度报告\n本年度报告依据《条例》编制。\n",
                "text").rows()).title()).isEqualTo("南岗区城管局2021年政府信息公开工作年度报告");
        ReportTitle brokenWord = ReportTitle.find(FlattenedTextReader.read(
                "哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报\n告\n本年度报告依据《中华人民共和国政府信息公开条例》(以下简称新条例)和《哈尔滨市政府信\n",
                "text").rows());
        assertThat(brokenWord.title()).isEqualTo("哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告");
        assertThat(ReportYear.of(brokenWord.title(), Optional.empty())).isEqualTo(2019);
        assertThat(ReportTitle.find(FlattenedTextReader.read("首页 > 政务公开\n某局政府信息公开工作年度报告\n", "text").rows()).title())
                .as("a line that adds neither year nor subject stays out").isEqualTo("某局政府信息公开工作年度报告");
        assertThat(ReportTitle.find(FlattenedTextReader.read("本机关依据条例编制本年度报告，请查阅附件中的全部内容与数据说明。\n", "text").rows()).title())
                .as("a sentence mentioning a report is no title").isEmpty();
    }

    @Test
    void tableHeadersDecideTheFormatOverTheYear() {
        List<Row> fmt2019Headers = FlattenedTextReader.read(
                "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n", "text").rows();

        FormatRecognition.Result result = FormatRecognition.recognise(2021, fmt2019Headers);

        assertThat(result.format()).isEqualTo(ReportFormat.FMT2019);
        assertThat(result.basis()).contains("本年新制作");
    }

    @Test
    void withoutHeadersTheYearDecides() {
        List<Row> noHeaders = FlattenedTextReader.read("一、总体情况\n", "text").rows();

        assertThat(FormatRecognition.recognise(2020, noHeaders).format()).isEqualTo(ReportFormat.FMT2019);
        assertThat(FormatRecognition.recognise(2022, noHeaders).format()).isEqualTo(ReportFormat.FMT2021);
        assertThat(FormatRecognition.recognise(2017, noHeaders).format()).isEqualTo(ReportFormat.PRE2019);
    }

    @Test
    void anOldStatisticsTableIsPre2019() {
        List<Row> pre2019 = FlattenedTextReader.read("指标名称\t计量单位\t本年度\t历年累计\n", "text").rows();

        assertThat(FormatRecognition.recognise(0, pre2019).format()).isEqualTo(ReportFormat.PRE2019);
    }

    @Test
    void aFormatThatIsNotTheOneTheYearPrescribesIsWarnedAbout() throws Exception {
        String text = "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                + "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t9\n";

        ParsedReport parsed = new ReportParser().parse(text.getBytes(StandardCharsets.UTF_8), "r.txt");

        assertThat(parsed.format()).isEqualTo(ReportFormat.FMT2019);
        assertThat(parsed.warnings()).extracting(Warning::id).contains("format_year");
    }
}
