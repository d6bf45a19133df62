package xxgk.crawler.engine;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import crawlercommons.filters.basic.BasicURLNormalizer;
import de.hshn.mi.crawler4j.url.HSQLDBWebURLFactory;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURL;

/**
 * A process of its own for {@link LinkExtractorTest}: reads the links of a page of as many megabytes as its argument
 * says (paragraphs, then one link at the very end), generated as it is read so that only the reading takes memory,
 * and prints them.
 */
public final class HugePageReader {

    private static final byte[] PARAGRAPH = "<p>政府信息公开工作年度报告</p>\n".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        long paragraphs = (Long.parseLong(args[0]) << 20) / PARAGRAPH.length;
        CrawlConfig config = new CrawlConfig();
        HSQLDBWebURLFactory factory = new HSQLDBWebURLFactory();
        LinkExtractor extractor = new LinkExtractor(config, BasicURLNormalizer.newBuilder().build(), new TLDList(config), factory);
        String url = "http://www.harbin.gov.cn/big.html";
        extractor.readHugePage(url, "text/html; charset=utf-8", () -> page(paragraphs));
        WebURL webUrl = factory.newWebUrl();
        webUrl.setURL(url);
        Page stand_in = new Page(webUrl);
        stand_in.setContentType("text/html; charset=utf-8");
        stand_in.setContentData(new byte[1]);
        extractor.parse(stand_in);
        for (WebURL link : ((HtmlParseData) stand_in.getParseData()).getOutgoingUrls()) {
            System.out.println(link.getURL());
        }
    }

    private static InputStream page(long paragraphs) {
        byte[] head = "<html><body>".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "<a href=\"after.html\">年报</a></body></html>".getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long paragraph = -1;
            private byte[] part = head;
            private int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                while (at == part.length) {
                    if (part == tail) {
                        return -1;
                    }
                    paragraph++;
                    part = paragraph < paragraphs ? PARAGRAPH : tail;
                    at = 0;
                }
                int n = Math.min(len, part.length - at);
                System.arraycopy(part, at, b, off, n);
                at += n;
                return n;
            }
        };
    }
}
