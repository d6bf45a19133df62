package xxgk.crawler.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HanwebDatastoreTest {

    private static final String COLUMN = "https://www.suifenhe.gov.cn/col/col5396/index.html";
    private static final String PROXY = "https://www.suifenhe.gov.cn/module/web/jpage/dataproxy.jsp?appid=1&webid=1&path=/"
            + "&columnid=5396&unitid=21788&webname=%E7%BB%A5%E8%8A%AC%E6%B2%B3%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C"
            + "&permissiontype=0";

    private final HanwebDatastore adapter = new HanwebDatastore();

    @Test
    void readsTheRecordsOfTheScriptDatastoreRelativeToThePage() {
        List<DiscoveredLink> links = adapter.links(Fixtures.html("hanweb-column.html", COLUMN), COLUMN);

        assertThat(links).startsWith(
                new DiscoveredLink("https://www.suifenhe.gov.cn/art/2022/1/20/art_5396_160245.html",
                        "绥芬河市人民政府2021年政府信息公开工作年度报告"),
                new DiscoveredLink("https://www.suifenhe.gov.cn/art/2021/1/28/art_5396_148812.html",
                        "绥芬河市人民政府2020年政府信息公开工作年度报告"),
                new DiscoveredLink("https://www.suifenhe.gov.cn/art/2020/1/17/art_5396_131207.html",
                        "绥芬河市人民政府2019年政府信息公开工作年度报告"));
    }

    @Test
    void asksDataproxyForTheRecordsAfterThoseShownOnePageAtATime() {
        List<DiscoveredLink> links = adapter.links(Fixtures.html("hanweb-column.html", COLUMN), COLUMN);

        assertThat(links).extracting(DiscoveredLink::url).containsSubsequence(
                PROXY + "&startrecord=4&endrecord=6&perpage=3",
                PROXY + "&startrecord=7&endrecord=9&perpage=3",
                PROXY + "&startrecord=10&endrecord=10&perpage=3");
        assertThat(links).hasSize(6);
    }

    @Test
    void readsTheRecordsOfADataproxyAnswer() {
        String answer = PROXY + "&startrecord=4&endrecord=6&perpage=3";

        List<DiscoveredLink> links = adapter.links(Fixtures.xml("hanweb-dataproxy.xml", answer), answer);

        assertThat(links).extracting(DiscoveredLink::url).containsExactly(
                "https://www.suifenhe.gov.cn/art/2019/1/25/art_5396_117452.html",
                "https://www.suifenhe.gov.cn/art/2018/3/29/art_5396_98765.html");
    }

    @Test
    void asksForNoLaterPagesWhenTheRecordCountIsUnknown() {
        String page = "<div><script type=\"text/xml\"><datastore><nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp"
                + "?page=1&amp;columnid=5396\"></a>]]></nextgroup><recordset><record><![CDATA[<li><a href=\"/art/2022/1/20/"
                + "art_5396_160245.html\">年报</a></li>]]></record></recordset></datastore></script></div>";

        List<DiscoveredLink> links = adapter.links(Jsoup.parse(page, COLUMN), COLUMN);

        assertThat(links).containsExactly(
                new DiscoveredLink("https://www.suifenhe.gov.cn/art/2022/1/20/art_5396_160245.html", "年报"));
    }

    @Test
    void findsNothingOnAnOrdinaryPage() {
        assertThat(adapter.links(Fixtures.html("trs-list.html", COLUMN), COLUMN)).isEmpty();
    }
}
