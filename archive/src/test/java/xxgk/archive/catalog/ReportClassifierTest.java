package xxgk.archive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Report or not, on real titles: the five seed reports as their portals title them, and every kind of decoy. */
class ReportClassifierTest {

    private static ReportClassifier.Verdict classify(String... titles) {
        return ReportClassifier.classify(List.of(titles), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "哈尔滨市2021年政府信息公开工作报告",
            "呼兰区2023年政府信息公开工作年度报告",
            "绥芬河市人民政府2021年政府信息公开工作年度报告",
            "哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告",
            "南岗区城管局 2021 年政府信息公开工作 年度报告",
            "南岗区城管局2021年政府信息公开工作年度报告.pdf",
            "附件1：哈尔滨市2021年政府信息公开工作报告.docx",
            "哈尔滨市教育局2022年度政府信息公开年报"})
    void reportTitles(String title) {
        ReportClassifier.Verdict v = classify(title);
        assertThat(v.report()).as(v.reason()).isTrue();
        assertThat(v.title().orElseThrow()).doesNotContain(" ", ".pdf", ".docx", "附件");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "哈尔滨市营商环境建设监督局2021年部门预算",
            "呼兰区2020年度部门决算公开",
            "哈尔滨市2022年预决算信息公开"})
    void budgetsAreNotReports(String title) {
        assertThat(classify(title)).satisfies(v -> {
            assertThat(v.report()).isFalse();
            assertThat(v.reason()).contains("budget");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"哈尔滨市人民政府政府信息公开指南", "呼兰区政府信息公开指南（2023年版）"})
    void theGuideIsNotAReport(String title) {
        assertThat(classify(title).reason()).contains("guide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"中华人民共和国政府信息公开工作年度报告格式", "2021年政府信息公开工作年度报告模板.doc",
            "政府信息公开工作年度报告（样本）"})
    void theFormatAndTemplatesAreNotReports(String title) {
        assertThat(classify(title).reason()).contains("template");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "哈尔滨市召开2021年度政府信息公开年报编制培训会",
            "关于做好2021年政府信息公开工作年度报告编制和发布工作的通知",
            "《呼兰区2023年政府信息公开工作年度报告》解读",
            "图解：哈尔滨市2021年政府信息公开工作报告",
            "关于2021年度政府信息公开工作年度报告评估情况的通报",
            "呼兰区组织政务公开工作专题培训"})
    void newsAboutReportsIsNotAReport(String title) {
        assertThat(classify(title).reason()).contains("news or a notice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"哈尔滨市2021年法治政府建设年度报告", "2021年哈尔滨市国民经济和社会发展统计公报"})
    void otherAnnualReportsAreNotReports(String title) {
        assertThat(classify(title).reason()).contains("another kind of annual report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"政府信息公开年报", "市本级政府信息公开年报专栏", "区、县（市）政府信息公开年度报告",
            "市政府门户网站完成IPv6改造", "哈尔滨市2021年度环境状况公报", "下载"})
    void columnsAndOtherPagesSayNothing(String title) {
        ReportClassifier.Verdict v = classify(title);
        assertThat(v.report()).isFalse();
        assertThat(v.title()).isEmpty();
    }

    @Test
    void aCrawlCountsTheReportsLinkTextsAndFileNamesName() {
        assertThat(ReportClassifier.reportNamed(List.of("", "附件1：呼兰区2023年政府信息公开工作年度报告.docx")))
                .contains("呼兰区2023年政府信息公开工作年度报告");
        assertThat(ReportClassifier.reportNamed(List.of("2023年部门预算公开", ""))).isEmpty();
        assertThat(ReportClassifier.reportNamed(List.of("下载", "2201201530452389.pdf"))).isEmpty();
    }

    @Test
    void aPreviewIsADraft() {
        assertThat(classify("2021年度报告（送审预览）").reason()).contains("draft");
    }

    @Test
    void theFirstTitleThatSaysSomethingDecides() {
        ReportClassifier.Verdict byHead = classify("下载", "P020220330604338716552.pdf", "哈尔滨市2021年政府信息公开工作报告");
        assertThat(byHead.report()).isTrue();
        assertThat(byHead.title()).contains("哈尔滨市2021年政府信息公开工作报告");

        ReportClassifier.Verdict byLink = classify("2021年部门决算.pdf", "", "哈尔滨市2021年政府信息公开工作报告");
        assertThat(byLink.report()).isFalse();
    }

    @Test
    void theSeedTextsAreReportsAndTheirBlankFormatIsNot() {
        for (String seed : List.of(SeedTexts.HARBIN, SeedTexts.HULAN, SeedTexts.SUIFENHE, SeedTexts.YSHJ, SeedTexts.NANGANG)) {
            assertThat(ReportClassifier.blankFormat(SeedTexts.text(seed))).as(seed).isFalse();
            String blank = SeedTexts.blankFormat(seed);
            assertThat(blank).as(seed).contains("本年新收").isNotEqualTo(SeedTexts.text(seed));
            ReportClassifier.Verdict v = ReportClassifier.classify(List.of("南岗区城管局2021年政府信息公开工作年度报告"), blank);
            assertThat(v.report()).as(seed).isFalse();
            assertThat(v.reason()).contains("blank format");
        }
        assertThat(ReportClassifier.classify(List.of("南岗区城管局2021年政府信息公开工作年度报告"),
                SeedTexts.text(SeedTexts.NANGANG)).report()).isTrue();
    }

    @Test
    void aTitleWithoutAYearIsAReportOnlyWhenTheDocumentPrintsTheTables() {
        String title = "绥芬河市人民政府政府信息公开工作年度报告";
        ReportClassifier.Verdict withTables = ReportClassifier.classify(List.of(title), SeedTexts.text(SeedTexts.SUIFENHE));
        assertThat(withTables.report()).as(withTables.reason()).isTrue();
        assertThat(classify(title).report()).as("no tables: a column or list page, as likely").isFalse();
        assertThat(classify("政府信息公开年报").report()).isFalse();
    }
}
