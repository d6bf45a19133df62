package xxgk.crawler.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TrsPagerTest {

    private static final String LIST = "https://www.harbin.gov.cn/zwgk/zfxxgknb/szfbm/index.html";

    private final TrsPager adapter = new TrsPager();

    @Test
    void listsThePagesCreatePageHtmlWrites() {
        List<DiscoveredLink> links = adapter.links(Fixtures.html("trs-list.html", LIST), LIST);

        assertThat(links).containsExactly(
                new DiscoveredLink("https://www.harbin.gov.cn/zwgk/zfxxgknb/szfbm/index_1.html", "第2页"),
                new DiscoveredLink("https://www.harbin.gov.cn/zwgk/zfxxgknb/szfbm/index_2.html", "第3页"),
                new DiscoveredLink("https://www.harbin.gov.cn/zwgk/zfxxgknb/szfbm/index_3.html", "第4页"));
    }

    @Test
    void listsThePagesOfCountPageBesideALaterPage() {
        String later = "https://www.harbin.gov.cn/zwgk/zfxxgknb/index_2.html";

        List<DiscoveredLink> links = adapter.links(Fixtures.html("trs-countpage.html", later), later);

        assertThat(links).extracting(DiscoveredLink::url).containsExactly(
                "https://www.harbin.gov.cn/zwgk/zfxxgknb/index_1.html",
                "https://www.harbin.gov.cn/zwgk/zfxxgknb/index_2.html");
    }

    @Test
    void usesTheNameAndExtensionThePagerGives() {
        String page = "<script>createPageHTML('3', '0', 'list', 'shtml');</script>";

        assertThat(adapter.links(Jsoup.parse(page, LIST), LIST)).extracting(DiscoveredLink::url).containsExactly(
                "https://www.harbin.gov.cn/zwgk/zfxxgknb/szfbm/list_1.shtml",
                "https://www.harbin.gov.cn/zwgk/zfxxgknb/szfbm/list_2.shtml");
    }

    @Test
    void capsAnImplausiblePageCount() {
        String page = "<script>createPage(100000, 0, \"index\", \"html\");</script>";

        assertThat(adapter.links(Jsoup.parse(page, LIST), LIST)).hasSize(199);
    }

    @Test
    void findsNothingWithoutAPager() {
        String column = "https://www.suifenhe.gov.cn/col/col5396/index.html";

        assertThat(adapter.links(Fixtures.html("hanweb-column.html", column), column)).isEmpty();
    }
}
