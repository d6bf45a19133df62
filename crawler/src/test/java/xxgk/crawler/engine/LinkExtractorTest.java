package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.junit.jupiter.api.Test;

import crawlercommons.filters.basic.BasicURLNormalizer;
import de.hshn.mi.crawler4j.url.HSQLDBWebURLFactory;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;

class LinkExtractorTest {

    private final WebURLFactory factory = new HSQLDBWebURLFactory();

    @Test
    void followsTheRecordsAndLaterPagesOfAHanwebColumn() throws Exception {
        Set<WebURL> links = parse("https://www.suifenhe.gov.cn/col/col5396/index.html", "hanweb-column.html",
                "text/html; charset=utf-8");

        assertThat(links).extracting(WebURL::getURL).contains(
                "https://www.suifenhe.gov.cn/col/col5396/index.html",
                "https://www.suifenhe.gov.cn/art/2022/1/20/art_5396_160245.html");
        // The normaliser sorts the query, so the record window is asserted part by part.
        assertThat(links).extracting(WebURL::getURL).filteredOn(u -> u.contains("/dataproxy.jsp?"))
                .hasSize(3).anySatisfy(u -> assertThat(u).contains("endrecord=6&", "startrecord=4&", "columnid=5396&"));
        assertThat(links).filteredOn(l -> l.getURL().endsWith("art_5396_148812.html"))
                .extracting(WebURL::getAnchor).containsExactly("绥芬河市人民政府2020年政府信息公开工作年度报告");
    }

    @Test
    void followsTheRecordsOfAnXmlDataproxyAnswer() throws Exception {
        Set<WebURL> links = parse("https://www.suifenhe.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=3",
                "hanweb-dataproxy.xml", "text/xml;charset=UTF-8");

        assertThat(links).extracting(WebURL::getURL).containsExactly(
                "https://www.suifenhe.gov.cn/art/2019/1/25/art_5396_117452.html",
                "https://www.suifenhe.gov.cn/art/2018/3/29/art_5396_98765.html");
    }

    @Test
    void keepsOfficeDocumentsOutOfLinkExtraction() {
        assertThat(LinkExtractor.isPage("text/xml")).isTrue();
        assertThat(LinkExtractor.isPage("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isFalse();
    }

    @Test
    void aHugePageIsReadAsAStreamWithItsLinksAndTheirTexts() throws Exception {
        String filler = "<div><p>政府信息公开工作年度报告</p></div>\n".repeat(LinkExtractor.STREAMED / 40);
        String html = "<html><body><a href=\"/first.html\"><span>2023年</span>年报</a>" + filler
                + "<map><area href=\"/map.html\" title=\"地图\"></map><a href=\"last.html\">最后</a></body></html>";
        byte[] bytes = html.getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(bytes.length).isGreaterThan(LinkExtractor.STREAMED);
        Set<WebURL> links = parse("http://www.harbin.gov.cn/big/index.html", bytes, "text/html; charset=gbk");
        assertThat(links).extracting(WebURL::getURL, WebURL::getAnchor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://www.harbin.gov.cn/first.html", "2023年年报"),
                org.assertj.core.groups.Tuple.tuple("http://www.harbin.gov.cn/map.html", "地图"),
                org.assertj.core.groups.Tuple.tuple("http://www.harbin.gov.cn/big/last.html", "最后"));
    }

    @Test
    void theLinksOfAFortyMegabytePageAreReadInASmallHeap() throws Exception {
        Process reader = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), HugePageReader.class.getName(), "40")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String links = new String(reader.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(reader.waitFor()).as("the reader ran out of memory, or failed").isZero();
        assertThat(links.strip()).isEqualTo("http://www.harbin.gov.cn/after.html");
    }

    private Set<WebURL> parse(String url, String fixture, String contentType) throws Exception {
        return parse(url, read(fixture), contentType);
    }

    private Set<WebURL> parse(String url, byte[] content, String contentType) throws Exception {
        CrawlConfig config = new CrawlConfig();
        LinkExtractor extractor = new LinkExtractor(config, BasicURLNormalizer.newBuilder().build(), new TLDList(config), factory);
        WebURL webUrl = factory.newWebUrl();
        webUrl.setURL(url);
        Page page = new Page(webUrl);
        page.setContentType(contentType);
        page.setContentData(content);
        extractor.parse(page);
        return ((HtmlParseData) page.getParseData()).getOutgoingUrls();
    }

    private static byte[] read(String fixture) throws IOException {
        try (InputStream in = LinkExtractorTest.class.getResourceAsStream("/navigation/" + fixture)) {
            return in.readAllBytes();
        }
    }
}
