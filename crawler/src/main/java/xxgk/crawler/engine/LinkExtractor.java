package xxgk.crawler.engine;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.NotAllowedContentException;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import xxgk.archive.text.HtmlCharset;

/**
 * crawler4j's parser replaced by jsoup: decodes the page with the charset {@link HtmlCharset} decides (GBK pages
 * included) and hands crawler4j the links of anchors, image maps and frames, with their anchor text.
 */
final class LinkExtractor extends Parser {

    private static final String LINKS = "a[href], area[href], iframe[src], frame[src]";

    private final BasicURLNormalizer normalizer;
    private final TLDList tlds;
    private final WebURLFactory factory;

    LinkExtractor(CrawlConfig config, BasicURLNormalizer normalizer, TLDList tlds, WebURLFactory factory) throws java.io.IOException {
        super(config, normalizer, tlds, factory);
        this.normalizer = normalizer;
        this.tlds = tlds;
        this.factory = factory;
    }

    /** True for the content types whose links are followed. */
    static boolean isPage(String mimeType) {
        String t = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        return t.contains("html") || t.isEmpty();
    }

    @Override
    public void parse(Page page) throws NotAllowedContentException {
        String contentType = page.getContentType();
        if (!isPage(contentType == null ? "" : contentType.split(";")[0]) || page.getContentData() == null
                || page.getContentData().length == 0) {
            throw new NotAllowedContentException();
        }
        Charset charset = HtmlCharset.detect(page.getContentData(), contentType);
        String html = new String(page.getContentData(), charset);
        Document doc = Jsoup.parse(html, page.getWebURL().getURL());

        Set<WebURL> links = new LinkedHashSet<>();
        for (Element e : doc.select(LINKS)) {
            String href = e.hasAttr("href") ? e.absUrl("href") : e.absUrl("src");
            String url = href.isEmpty() ? null : normalizer.filter(href);
            if (url == null || !url.matches("(?i)https?://.*")) {
                continue;
            }
            WebURL link = factory.newWebUrl();
            link.setTldList(tlds);
            link.setURL(url);
            link.setAnchor(e.text().isEmpty() ? e.attr("title") : e.text());
            link.setTag(e.tagName());
            links.add(link);
        }

        Map<String, String> meta = new HashMap<>();
        for (Element m : doc.select("meta[name][content]")) {
            meta.put(m.attr("name").toLowerCase(Locale.ROOT), m.attr("content"));
        }
        HtmlParseData data = new HtmlParseData();
        data.setHtml(html);
        data.setTitle(doc.title());
        data.setText(doc.text());
        data.setMetaTags(meta);
        data.setContentCharset(charset.name());
        data.setOutgoingUrls(links);
        page.setContentCharset(charset.name());
        page.setParseData(data);
    }
}
