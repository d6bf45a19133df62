package xxgk.crawler.navigation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The records of a Hanweb (大汉 JCMS) column list: its first page keeps them as HTML in the CDATA of a
 * {@code <script type="text/xml"><datastore>}, and its later pages come from {@code dataproxy.jsp}, whose URL is
 * built from the datastore's {@code <nextgroup>} link and the record count.
 */
final class HanwebDatastore implements ListAdapter {

    /** JCMS's own default page size, used when the page does not say. */
    private static final int DEFAULT_PER_PAGE = 15;
    /** A column lists a few hundred reports at most; this keeps a wrong total from flooding the frontier. */
    private static final int MAX_PAGES = 200;
    private static final Pattern TOTAL_RECORD = Pattern.compile("(?i)totalRecord['\"]?\\s*[:=]\\s*['\"]?(\\d+)");
    private static final Pattern PER_PAGE = Pattern.compile("(?i)perPage['\"]?\\s*[:=]\\s*['\"]?(\\d+)");
    /** Parsed once: asked of every page a crawl reads, where jsoup would parse a query given as text each time. */
    private static final Evaluator DATASTORE = QueryParser.parse("datastore");
    private static final Evaluator XML_SCRIPT = QueryParser.parse("script[type=text/xml]");

    @Override
    public List<DiscoveredLink> links(Document page, String pageUrl) {
        List<DiscoveredLink> links = new ArrayList<>();
        for (Element store : datastores(page)) {
            Elements records = store.select("recordset > record");
            for (Element record : records) {
                for (Element a : anchors(record, pageUrl)) {
                    links.add(new DiscoveredLink(a.absUrl("href"), a.text().isEmpty() ? a.attr("title") : a.text()));
                }
            }
            links.addAll(laterPages(store, records.size(), page, pageUrl));
        }
        return links;
    }

    /** The datastores of a list page (inside script) or of a dataproxy answer (the document itself, parsed as XML). */
    private static List<Element> datastores(Document page) {
        List<Element> stores = new ArrayList<>(page.select(DATASTORE));
        for (Element script : page.select(XML_SCRIPT)) {
            stores.addAll(Jsoup.parse(script.data(), "", Parser.xmlParser()).select(DATASTORE));
        }
        return stores;
    }

    private static Elements anchors(Element cdata, String pageUrl) {
        return Jsoup.parseBodyFragment(cdata.wholeText(), pageUrl).select("a[href]");
    }

    /**
     * The dataproxy.jsp pages after the records shown, one per page of records: the nextgroup link's query with
     * {@code startrecord}, {@code endrecord} and {@code perpage} in place of its {@code page}.
     */
    private static List<DiscoveredLink> laterPages(Element store, int shown, Document page, String pageUrl) {
        Element next = store.selectFirst("nextgroup");
        Elements proxy = next == null ? new Elements() : anchors(next, pageUrl);
        OptionalInt total = number(store.select("totalrecord").text(), page, TOTAL_RECORD);
        if (proxy.isEmpty() || total.isEmpty()) {
            return List.of();
        }
        int perPage = number(store.select("perpage").text(), page, PER_PAGE).orElse(DEFAULT_PER_PAGE);
        String base = proxy.first().absUrl("href").replaceAll("([?&])page=\\d*&?", "$1").replaceAll("[?&]$", "");
        String joiner = base.contains("?") ? "&" : "?";
        List<DiscoveredLink> pages = new ArrayList<>();
        for (int start = shown + 1; start <= total.getAsInt() && pages.size() < MAX_PAGES; start += perPage) {
            int end = Math.min(start + perPage - 1, total.getAsInt());
            pages.add(new DiscoveredLink(base + joiner + "startrecord=" + start + "&endrecord=" + end + "&perpage=" + perPage,
                    "记录 " + start + "-" + end));
        }
        return pages;
    }

    /** True for a Hanweb list servlet URL: JCMS's own pager POSTs to it, and some portals refuse it anything else. */
    static boolean isDataproxy(String url) {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).endsWith("/dataproxy.jsp");
    }

    /** The number in the datastore's own element, else the one the page's jpage script sets. */
    private static OptionalInt number(String element, Document page, Pattern setting) {
        if (element.strip().matches("\\d+")) {
            return OptionalInt.of(Integer.parseInt(element.strip()));
        }
        for (Element script : page.select("script")) {
            Matcher m = setting.matcher(script.data());
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }
}
