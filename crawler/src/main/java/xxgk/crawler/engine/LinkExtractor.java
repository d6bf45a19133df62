package xxgk.crawler.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.io.Reader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.StreamParser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

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
import xxgk.crawler.navigation.DiscoveredLink;
import xxgk.crawler.navigation.Focus;
import xxgk.crawler.navigation.LinkScent;
import xxgk.crawler.navigation.ListAdapter;
import xxgk.crawler.navigation.ListAdapters;

/**
 * crawler4j's parser replaced by jsoup: decodes the page with the charset {@link HtmlCharset} decides (GBK pages
 * included) and hands crawler4j the links of anchors, image maps and frames, with their anchor text, then the links
 * the {@link ListAdapters} find where a CMS hides them; {@link PortalCrawler} then ranks them.
 */
final class LinkExtractor extends Parser {

    /** Parsed once: jsoup parses a query given as text for every call, a few per cent of a worker's time. */
    private static final Evaluator LINKS = QueryParser.parse("a[href], area[href], iframe[src], frame[src]");
    private static final Pattern HTTP = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    /** Pages larger than this (in bytes) have their links read as a stream. */
    static final int STREAMED = 4 << 20;
    /** The tag of links a list adapter found. */
    private static final String LISTED = "list";

    // crawler4j's Parser exposes its normaliser and URL factory, but not the TLD list.
    private final TLDList tlds;
    /** The links of huge pages, read by the fetcher from where the page is kept, until crawler4j asks for them. */
    private final Map<String, Map<String, WebURL>> hugePages = new ConcurrentHashMap<>();

    LinkExtractor(CrawlConfig config, BasicURLNormalizer normalizer, TLDList tlds, WebURLFactory factory) throws java.io.IOException {
        super(config, normalizer, tlds, factory);
        this.tlds = tlds;
    }

    /** True for the content types whose links are followed; XML for list answers such as Hanweb's dataproxy.jsp. */
    static boolean isPage(String mimeType) {
        String t = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        return t.contains("html") || isXml(t) || t.isEmpty();
    }

    private static boolean isXml(String mimeType) {
        return mimeType.equals("text/xml") || mimeType.equals("application/xml");
    }

    @Override
    public void parse(Page page) throws NotAllowedContentException {
        String contentType = page.getContentType();
        String mimeType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!isPage(mimeType) || page.getContentData() == null
                || page.getContentData().length == 0) {
            throw new NotAllowedContentException();
        }
        String pageUrl = page.getWebURL().getURL();
        Map<String, WebURL> readAlready = hugePages.remove(pageUrl);
        if (readAlready != null) {
            page.setParseData(parseData(readAlready));
            return;
        }
        String html = HtmlCharset.decode(page.getContentData(), contentType);
        // An XML answer keeps its records in CDATA, which the HTML parser would break at the first '>'.
        Document doc = isXml(mimeType) ? Jsoup.parse(html, pageUrl, org.jsoup.parser.Parser.xmlParser()) : Jsoup.parse(html, pageUrl);

        Map<String, WebURL> links = new LinkedHashMap<>();
        for (Element e : doc.select(LINKS)) {
            String href = e.hasAttr("href") ? e.absUrl("href") : e.absUrl("src");
            add(links, href, e.text().isEmpty() ? e.attr("title") : e.text(), e.tagName());
        }
        for (ListAdapter adapter : ListAdapters.all()) {
            for (DiscoveredLink found : adapter.links(doc, pageUrl)) {
                add(links, found.url(), found.anchorText(), LISTED);
            }
        }

        page.setParseData(parseData(links));
    }

    /** Only the links are read from here on: nofollow/noindex are off, and no visit() reads the page's text. */
    private static HtmlParseData parseData(Map<String, WebURL> links) {
        HtmlParseData data = new HtmlParseData();
        data.setOutgoingUrls(new LinkedHashSet<>(links.values()));
        return data;
    }

    /** True for a page too big to be handed to crawler4j, which copies a page twice: its links are read as a stream. */
    static boolean isHuge(String mimeType, long size) {
        return size > STREAMED && !isXml(mimeType.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads the links of a huge page from where it is kept (opened twice: its charset is judged on its first
     * part), for {@link #parse} to hand crawler4j, which is given only a stand-in for the page.
     */
    void readHugePage(String pageUrl, String contentType, Callable<InputStream> page) throws IOException {
        Charset charset;
        try (InputStream head = open(page)) {
            charset = HtmlCharset.detect(head.readNBytes(STREAMED), contentType);
        }
        try (Reader reader = new InputStreamReader(open(page), charset)) {
            hugePages.put(pageUrl, streamedLinks(reader, pageUrl));
        }
    }

    private static InputStream open(Callable<InputStream> page) throws IOException {
        try {
            return page.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * The links of a huge page, read as a stream: what is read is let go unless an open link holds it, so that a page
     * of tens of megabytes never becomes a DOM of hundreds. No list adapter looks at it: a CMS list is not
     * this big.
     */
    private Map<String, WebURL> streamedLinks(Reader reader, String pageUrl) {
        Map<String, WebURL> links = new LinkedHashMap<>();
        try (StreamParser streamer = new StreamParser(org.jsoup.parser.Parser.htmlParser()).parse(reader, pageUrl)) {
            for (Iterator<Element> elements = streamer.iterator(); elements.hasNext(); ) {
                Element e = elements.next();
                if (e.is(LINKS)) {
                    String href = e.hasAttr("href") ? e.absUrl("href") : e.absUrl("src");
                    add(links, href, e.text().isEmpty() ? e.attr("title") : e.text(), e.tagName());
                }
                // A finished element and everything before it under its parent (finished too, text between elements
                // included) can go, unless a link still open needs them for its text. What comes after it may still be
                // open, and the text the parser appended after it (a newline) would otherwise pile up for ever.
                Element parent = e.parent();
                if (parent != null && parent.closest(LINKS) == null) {
                    for (int i = e.siblingIndex(); i >= 0; i--) {
                        parent.childNode(i).remove();
                    }
                }
            }
        }
        return links;
    }

    /** How a link was found, as {@link Focus} weighs it. */
    static Focus.Via via(WebURL link) {
        return switch (link.getTag() == null ? "" : link.getTag()) {
            case "frame", "iframe" -> Focus.Via.FRAME;
            case LISTED -> Focus.Via.LIST;
            default -> Focus.Via.ANCHOR;
        };
    }

    /**
     * Adds {@code href} normalised, if it is an http(s) URL. A URL linked twice keeps the text that says most about
     * it (a column's title rather than its "更多" link), and is part of the page if either link says so.
     */
    private void add(Map<String, WebURL> links, String href, String anchor, String tag) {
        String url = href.isEmpty() ? null : getNormalizer().filter(href);
        if (url == null || !HTTP.matcher(url).lookingAt()) {
            return;
        }
        WebURL seen = links.get(url);
        if (seen != null) {
            if (LinkScent.of(anchor, url).compareTo(LinkScent.of(seen.getAnchor(), url)) > 0 || seen.getAnchor().isBlank()) {
                seen.setAnchor(anchor);
            }
            if (via(seen) == Focus.Via.ANCHOR) {
                seen.setTag(tag);
            }
            return;
        }
        WebURL link = getFactory().newWebUrl();
        link.setTldList(tlds);
        link.setURL(url);
        link.setAnchor(anchor);
        link.setTag(tag);
        links.put(url, link);
    }
}
