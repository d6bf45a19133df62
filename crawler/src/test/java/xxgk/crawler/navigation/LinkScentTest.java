package xxgk.crawler.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkScentTest {

    private static final String HOST = "http://www.example.gov.cn";

    @Test
    void reportsAreKnownByWhatTheLinkSaysOrWhereItPoints() {
        assertThat(LinkScent.of("2023年政府信息公开工作年度报告", HOST + "/art/2024/1/5/art_1_2.html")).isEqualTo(LinkScent.REPORT);
        assertThat(LinkScent.of("政府信息公开年报", HOST + "/col/col5396/index.html")).isEqualTo(LinkScent.REPORT);
        assertThat(LinkScent.of("更多", HOST + "/zwgk/zfxxgknb/index.html")).isEqualTo(LinkScent.REPORT);
        assertThat(LinkScent.of("", HOST + "/xxgk/ndbg/")).isEqualTo(LinkScent.REPORT);
        assertThat(LinkScent.of("市本级", HOST + "/gknb/sbj/index.shtml")).isEqualTo(LinkScent.REPORT);
    }

    @Test
    void theOpenGovernmentCatalogueIsPromising() {
        assertThat(LinkScent.of("政府信息公开", HOST + "/col/col1/index.html")).isEqualTo(LinkScent.OPEN);
        assertThat(LinkScent.of("政务公开", HOST + "/zwgk/")).isEqualTo(LinkScent.OPEN);
        // An open-government section that names no 年报 in its news is still open-government first.
        assertThat(LinkScent.of("政府信息公开工作动态", HOST + "/news/1.html")).isEqualTo(LinkScent.OPEN);
    }

    @Test
    void aYearOrAnOpenGovernmentUrlIsAHint() {
        assertThat(LinkScent.of("2022年", HOST + "/col/col7/index.html")).isEqualTo(LinkScent.HINT);
        assertThat(LinkScent.of("法定主动公开内容", HOST + "/xxgk/fdzdgknr/")).isEqualTo(LinkScent.HINT);
        assertThat(LinkScent.of("第12345号", HOST + "/a.html")).isEqualTo(LinkScent.NONE);
    }

    @Test
    void newsInteractionAndServicesAreUnrelated() {
        assertThat(LinkScent.of("新闻中心", HOST + "/col/col2/index.html")).isEqualTo(LinkScent.UNRELATED);
        assertThat(LinkScent.of("互动交流", HOST + "/hdjl/")).isEqualTo(LinkScent.UNRELATED);
        assertThat(LinkScent.of("办事服务", HOST + "/col/col3/index.html")).isEqualTo(LinkScent.UNRELATED);
        assertThat(LinkScent.of("市长在会上强调", HOST + "/news/2024/0105/a.html")).isEqualTo(LinkScent.UNRELATED);
        // A host called news is no news section: only the path counts.
        assertThat(LinkScent.of("机构设置", "http://news.example.gov.cn/jgsz/")).isEqualTo(LinkScent.NONE);
    }

    @Test
    void documentsAreKnownByExtensionOrDownloadServlet() {
        assertThat(LinkScent.pointsToDocument(HOST + "/zwgk/P020220330604338716552.pdf")).isTrue();
        assertThat(LinkScent.pointsToDocument(HOST + "/a/report.WPS")).isTrue();
        assertThat(LinkScent.pointsToDocument(HOST + "/module/download/downfile.jsp?classid=0&filename=a.pdf")).isTrue();
        assertThat(LinkScent.pointsToDocument(HOST + "/x/index.html?file=a.pdf")).isFalse();
        assertThat(LinkScent.pointsToDocument(HOST + "/col/col1/index.html")).isFalse();
    }
}
