package xxgk.crawler.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import xxgk.crawler.navigation.Focus.Via;

class FocusTest {

    private static final String SITE = "http://www.example.gov.cn";
    private final Focus focus = new Focus(new ColumnPath(List.of("政府信息公开目录", "政府信息公开年报", "市本级")));
    private final Focus noPath = new Focus(new ColumnPath(List.of()));

    @Test
    void theTrailSurvivesAsCrawler4jsPriority() {
        for (Trail t : List.of(Focus.seed(), new Trail(Trail.DOCUMENT, 0), new Trail(Trail.COLUMN, 2), new Trail(0, 0), new Trail(13, 1))) {
            assertThat(Trail.of(t.priority())).isEqualTo(t);
        }
        assertThat(new Trail(Trail.DOCUMENT, 3).priority()).isEqualTo(Byte.MAX_VALUE);
    }

    @Test
    void thePathIsWalkedFromTheSeedAndEndsInTheColumn() {
        Trail step1 = follow(focus, Focus.seed(), "/", "/xxgk/index.html", "政府信息公开目录").orElseThrow();
        Trail step2 = follow(focus, step1, "/xxgk/index.html", "/xxgk/nb/index.html", "政府信息公开年度报告").orElseThrow();
        Trail column = follow(focus, step2, "/xxgk/nb/index.html", "/xxgk/nb/sbj/index.html", "市本级").orElseThrow();

        assertThat(step1.pathStep()).isEqualTo(1);
        assertThat(step2.pathStep()).isEqualTo(2);
        assertThat(column.rank()).isEqualTo(Trail.COLUMN);
        assertThat(column.priority()).isGreaterThan(step2.priority()).isGreaterThan(step1.priority());
        assertThat(focus.lostAt()).isEmpty();
    }

    @Test
    void aStepNotFoundIsWhereThePathWasLost() {
        Trail step1 = follow(focus, Focus.seed(), "/", "/xxgk/index.html", "政府信息公开目录").orElseThrow();
        follow(focus, step1, "/xxgk/index.html", "/xxgk/zn/index.html", "政府信息公开指南");

        assertThat(focus.lostAt()).contains(new Focus.Lost("政府信息公开年报", Optional.of(SITE + "/xxgk/index.html")));
        assertThat(noPath.lostAt()).isEmpty();
        assertThat(new Focus(new ColumnPath(List.of("政务公开"))).lostAt()).contains(new Focus.Lost("政务公开", Optional.empty()));
    }

    @Test
    void theColumnsListPagesRecordsAndDocumentsAreAsPromisingAsItOrMore() {
        Trail column = new Trail(Trail.COLUMN, 2);
        String list = "/zwgk/zfxxgknb/index.html";
        assertThat(follow(noPath, column, list, "/zwgk/zfxxgknb/index_1.html", "下一页")).contains(column);
        assertThat(follow(noPath, column, list, "/zwgk/zfxxgknb/202401/t20240115_1.html", "市财政局")).contains(column);
        assertThat(follow(noPath, column, list, "/module/web/jpage/dataproxy.jsp?startrecord=16", "记录 16-30", Via.LIST)).contains(column);
        assertThat(follow(noPath, column, list, "/zwgk/P0202401.pdf", "附件")).contains(new Trail(Trail.DOCUMENT, 0));
    }

    @Test
    void promisingLinksStartAFreshTrailWhereverTheyAre() {
        Trail cold = new Trail(3, 0);
        assertThat(follow(noPath, cold, "/news/1.html", "/art/2024/1/5/art_1_2.html", "2023年政府信息公开工作年度报告"))
                .contains(new Trail(Trail.REPORT, 2));
        assertThat(follow(noPath, cold, "/news/1.html", "/xxgk/", "政府信息公开")).contains(new Trail(Trail.OPEN, 1));
    }

    @Test
    void unpromisingBranchesFadeAndEnd() {
        Trail seed = Focus.seed();
        Trail hop1 = follow(noPath, seed, "/", "/jgsz/index.html", "机构设置").orElseThrow();
        Trail hop2 = follow(noPath, hop1, "/jgsz/index.html", "/jgsz/ld.html", "领导简介").orElseThrow();

        assertThat(hop1.priority()).isLessThan(seed.priority()).isGreaterThan(hop2.priority());
        assertThat(hop2.hopsLeft()).isZero();
        assertThat(follow(noPath, hop2, "/jgsz/ld.html", "/jgsz/ld/1.html", "张三")).isEmpty();
        // A cold page's pager is one more hop, not part of a column.
        assertThat(follow(noPath, hop2, "/jgsz/ld.html", "/jgsz/ld_2.html", "下一页")).isEmpty();
        // Its documents still cost no hop.
        assertThat(follow(noPath, hop2, "/jgsz/ld.html", "/jgsz/a.pdf", "附件")).contains(hop2);
    }

    @Test
    void anUnrelatedSectionGetsItsLandingPageOnly() {
        Trail news = follow(noPath, Focus.seed(), "/", "/xwzx/index.html", "新闻中心").orElseThrow();

        assertThat(news).isEqualTo(new Trail(0, 0));
        assertThat(follow(noPath, news, "/xwzx/index.html", "/xwzx/202401/t1.html", "市长调研")).isEmpty();
        assertThat(follow(noPath, news, "/xwzx/index.html", "/xwzx/index_1.html", "下一页")).isEmpty();
    }

    private static Optional<Trail> follow(Focus focus, Trail page, String pagePath, String linkPath, String anchor) {
        return follow(focus, page, pagePath, linkPath, anchor, Via.ANCHOR);
    }

    private static Optional<Trail> follow(Focus focus, Trail page, String pagePath, String linkPath, String anchor, Via via) {
        return focus.follow(page, SITE + pagePath, SITE + linkPath, anchor, via);
    }
}
