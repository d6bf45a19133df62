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
    void aTextContainedInAStepOrContainingItMatchesWhenNotMuchShorter() {
        assertThat(harbin.nextMatch(0, "政府信息公开")).isEqualTo(1);
        assertThat(harbin.nextMatch(0, "哈尔滨市政府信息公开目录")).isEqualTo(1);
        assertThat(harbin.nextMatch(0, "目录")).isZero();
        assertThat(harbin.nextMatch(0, "")).isZero();
        assertThat(harbin.nextMatch(0, "新闻中心")).isZero();
    }

    @Test
    void aTextEqualToAStepIsThatStepAheadOrBehind() {
        assertThat(harbin.nextMatch(0, "市本级政府信息公开年报专栏")).isEqualTo(3);
        assertThat(harbin.nextMatch(2, "政府信息公开目录")).isZero();
        assertThat(harbin.nextMatch(3, "市本级政府信息公开年报专栏")).isZero();
    }

    @Test
    void aSiteWithoutPathMatchesNothing() {
        ColumnPath none = new ColumnPath(List.of());
        assertThat(none.length()).isZero();
        assertThat(none.nextMatch(0, "政府信息公开年报")).isZero();
    }
}
