package xxgk.crawler.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptPagerTest {

    private static final String LIST = "https://www.hulan.gov.cn/hebhlq/c106450/list.shtml";

    private final ScriptPager adapter = new ScriptPager();

    @Test
    void findsTheNumberedPagesAPagerScriptWrites() {
        assertThat(adapter.links(Fixtures.html("script-pager.shtml", LIST), LIST)).extracting(DiscoveredLink::url)
                .containsExactly("https://www.hulan.gov.cn/hebhlq/c106450/list_2.shtml",
                        "https://www.hulan.gov.cn/hebhlq/c106450/list_3.shtml");
    }

    @Test
    void findsTheEscapedLinksOfTheTrsPagerScript() {
        String page = "https://www.harbin.gov.cn/zwgk/zfxxgknb/index.html";

        assertThat(adapter.links(Fixtures.html("trs-countpage.html", page), page)).extracting(DiscoveredLink::url)
                .containsExactly("https://www.harbin.gov.cn/zwgk/zfxxgknb/index_1.html");
    }

    @Test
    void findsNothingInAScriptWithoutNumberedPages() {
        String column = "https://www.suifenhe.gov.cn/col/col5396/index.html";

        assertThat(adapter.links(Fixtures.html("hanweb-column.html", column), column)).isEmpty();
    }
}
