package xxgk.crawler.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnPathTest {

    private final ColumnPath harbin = new ColumnPath(List.of("政府信息公开目录", "政府信息公开年报", "市本级政府信息公开年报专栏"));

    @Test
    void stepsMatchLinkTextsWithSmallDifferences() {
        assertThat(harbin.nextMatch(0, "「政府信息公开」目录")).isEqualTo(1);
        assertThat(harbin.nextMatch(0, "政府信息公开 目录")).isEqualTo(1);
        assertThat(harbin.nextMatch(1, "政府信息公开年度报告")).isEqualTo(2);
        assertThat(harbin.nextMatch(2, "市本级政府信息公开年度报告")).isEqualTo(3);
        assertThat(harbin.nextMatch(2, "“市本级” 信息公开年报专栏")).isEqualTo(3);
    }

    @Test
    void aTextAddingOrLeavingOutALittleOfTheNextStepIsThatStep() {
        assertThat(harbin.nextMatch(0, "政府信息公开")).isEqualTo(1);
        assertThat(harbin.nextMatch(0, "哈尔滨市政府信息公开目录")).isEqualTo(1);
        assertThat(harbin.nextMatch(2, "市本级信息公开年报专区")).isEqualTo(3);
        assertThat(harbin.nextMatch(0, "目录")).isZero();
        assertThat(harbin.nextMatch(0, "")).isZero();
        assertThat(harbin.nextMatch(0, "新闻中心")).isZero();
        // Only the next step is resembled, and not by a text that leaves a third of it out.
        assertThat(harbin.nextMatch(0, "市本级年报")).isZero();
        assertThat(new ColumnPath(List.of("政务公开", "政府信息公开工作报告")).nextMatch(0, "政府信息公开")).isZero();
        assertThat(new ColumnPath(List.of("政府信息公开年报")).nextMatch(0, "政府信息公开")).isZero();
    }

    @Test
    void aTextEqualToAStepIsThatStepAheadOrBehind() {
        assertThat(harbin.nextMatch(0, "市本级政府信息公开年报专栏")).isEqualTo(3);
        assertThat(harbin.nextMatch(1, "市本级政府信息公开年度报告")).isEqualTo(3);
        assertThat(harbin.nextMatch(2, "政府信息公开目录")).isZero();
        assertThat(harbin.nextMatch(3, "市本级政府信息公开年报专栏")).isZero();
        // The breadcrumb back to step 2 on the step 2 page is step 2, not the next.
        assertThat(harbin.nextMatch(2, "政府信息公开年报")).isZero();
    }

    @Test
    void aSiteWithoutPathMatchesNothing() {
        ColumnPath none = new ColumnPath(List.of());
        assertThat(none.length()).isZero();
        assertThat(none.nextMatch(0, "政府信息公开年报")).isZero();
    }
}
