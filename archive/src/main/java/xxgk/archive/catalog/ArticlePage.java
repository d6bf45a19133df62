package xxgk.archive.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import xxgk.archive.report.Dates;
import xxgk.archive.text.HtmlCharset;

/**
 * What a government web page says about itself: the standard meta tags (ArticleTitle, PubDate, SiteName), the
 * article metadata table (名称, 发布机构, 发文日期), its heading and date line, and its links with their texts and the
 * dates a list prints beside them.
 *
 * @param titles    the page's own titles, most authoritative first: ArticleTitle, 名称, the heading, the
 *                  {@code <title>} up to its first separator
 * @param siteName  the SiteName meta
 * @param publisher the 发布机构 (or 发文机关, 发布单位) of the metadata table
 * @param published PubDate meta, else 发文日期, else a labelled date (发布时间：…), else the date line under the
 *                  heading ("2021-01-26 10:00　来源：…")
 * @param links     absolute URL → link text (or title attribute), in page order
 * @param linkDates absolute URL → the date printed beside its link, as lists print them (in Hanweb's
 *                  {@code <datastore>} records too); only links with a date of their own
 * @param article   true when the page describes itself as an article: ArticleTitle or PubDate meta, or a 名称 label
 * @param ownText   characters of text outside links, scripts and headings (spaces not counted): a column page has
 *                  little beyond its header and footer
 * @param linksDocuments true when a link points at a document (by its URL or text: PDF, DOC, … or a download servlet)
 */
record ArticlePage(List<String> titles, Optional<String> siteName, Optional<String> publisher,
                   Optional<LocalDate> published, Map<String, String> links, Map<String, LocalDate> linkDates,
                   boolean article, int ownText, boolean linksDocuments) {

    /** An article page is a few hundred KB; a larger page is no report's, and its DOM would take hundreds of MB. */
    static final long MAX_BYTES = 4L << 20;
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*[_|｜]\\s*|\\s+[-—–]\\s+");
    private static final Pattern DATE_LINE = Pattern.compile("(?:发布时间|发布日期|发文日期|日期)\\s*[：:]\\s*([0-9０-９][^\\s]*)");
    private static final String[] PUBLISHER_LABELS = {"发布机构", "发文机关", "发布单位"};
    private static final String[] DATE_LABELS = {"发文日期", "发布日期", "成文日期"};
    private static final String LABEL_CELLS = "td, th, dt, dd, span, label, b, strong, em, li";
    private static final Map<String, Pattern> LABEL_IN_TEXT = new ConcurrentHashMap<>();
    /** How far up from a link its list entry may be (li > span > a, tr > td > a), and how long it may read. */
    private static final int ENTRY_DEPTH = 3;
    private static final int ENTRY_CHARS = 200;
    /** The date line sits among the first elements after the heading. */
    private static final int DATE_LINE_SIBLINGS = 3;
    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL);
    private static final Pattern DOCUMENT = Pattern.compile(
            "\\.(pdf|docx?|wps|xlsx?|et|zip|rar|7z|ofd|rtf)$|downfile|download", Pattern.CASE_INSENSITIVE);

    static ArticlePage parse(byte[] body, String contentType, String url) {
        Document doc = Jsoup.parse(HtmlCharset.decode(body, contentType), url);
        String text = doc.text();
        Labels labels = new Labels(doc.select(LABEL_CELLS), SPACE.matcher(text).replaceAll(" "));
        List<String> titles = new ArrayList<>();
        Optional<String> articleTitle = meta(doc, "ArticleTitle");
        Optional<String> name = labels.value("名称");
        articleTitle.ifPresent(titles::add);
        name.ifPresent(titles::add);
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            titles.add(h1.text().strip());
        }
        if (!doc.title().isBlank()) {
            titles.add(TITLE_SEPARATOR.split(doc.title().strip(), 2)[0]);
        }
        Optional<String> publisher = Optional.empty();
        for (String label : PUBLISHER_LABELS) {
            publisher = publisher.or(() -> labels.value(label));
        }
        Optional<String> pubDate = meta(doc, "PubDate");
        Optional<LocalDate> published = pubDate.flatMap(Dates::find);
        for (String label : DATE_LABELS) {
            published = published.or(() -> labels.value(label).flatMap(Dates::find));
        }
        if (published.isEmpty()) {
            Matcher line = DATE_LINE.matcher(text);
            published = line.find() ? Dates.find(line.group(1)) : Optional.empty();
        }
        if (published.isEmpty() && h1 != null) {
            published = underHeading(h1);
        }
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, LocalDate> linkDates = new LinkedHashMap<>();
        boolean linksDocuments = false;
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.startsWith("http")) {
                String anchor = a.text().isBlank() ? a.attr("title").strip() : a.text().strip();
                links.putIfAbsent(href, anchor);
                dateBeside(a).ifPresent(d -> linkDates.putIfAbsent(href, d));
                linksDocuments |= namesDocument(href) || namesDocument(anchor);
            }
        }
        datastoreLinkDates(doc, url).forEach(linkDates::putIfAbsent);
        boolean article = articleTitle.isPresent() || name.isPresent() || pubDate.isPresent();
        return new ArticlePage(List.copyOf(titles), meta(doc, "SiteName"), publisher, published, links, linkDates, article,
                ownText(doc), linksDocuments);
    }

    /** A URL or link text naming a document: its extension (before a query, or a servlet's file name), or a download. */
    private static boolean namesDocument(String s) {
        return DOCUMENT.matcher(s).find() || DOCUMENT.matcher(s.replaceFirst("[?#].*$", "")).find();
    }

    /** The date line under the heading: one of the elements right after it, starting with a date. */
    private static Optional<LocalDate> underHeading(Element h1) {
        Element next = h1.nextElementSibling();
        for (int i = 0; i < DATE_LINE_SIBLINGS && next != null; i++, next = next.nextElementSibling()) {
            Optional<LocalDate> date = Dates.portalLine(next.text());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /**
     * The date a list prints beside a link: in the smallest element around it that holds no other link and is short
     * as list entries are (an article's body around its one attachment link is no entry).
     */
    private static Optional<LocalDate> dateBeside(Element a) {
        Element entry = a;
        for (int up = 0; up < ENTRY_DEPTH && entry.parent() != null; up++) {
            entry = entry.parent();
            if (entry.select("a[href]").size() > 1 || entry.text().length() > ENTRY_CHARS) {
                return Optional.empty();
            }
            Optional<LocalDate> date = Dates.find(entry.text().replace(a.text(), ""));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The dates beside the links of Hanweb's {@code <datastore>} records, which sit in a script as CDATA. */
    private static Map<String, LocalDate> datastoreLinkDates(Document doc, String url) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (Element script : doc.select("script")) {
            if (!script.data().contains("<record")) {
                continue;
            }
            Matcher record = CDATA.matcher(script.data());
            while (record.find()) {
                for (Element a : Jsoup.parseBodyFragment(record.group(1), url).select("a[href]")) {
                    String href = a.absUrl("href");
                    dateBeside(a).filter(d -> href.startsWith("http")).ifPresent(d -> dates.putIfAbsent(href, d));
                }
            }
        }
        return dates;
    }

    private static int ownText(Document doc) {
        Element body = doc.body().clone();
        body.select("a, script, style, h1, h2, h3, title").remove();
        return SPACE.matcher(body.text()).replaceAll("").length();
    }

    private static Optional<String> meta(Document doc, String name) {
        for (Element m : doc.select("meta[name][content]")) {
            if (m.attr("name").equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
                return Optional.of(m.attr("content").strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The values printed next to labels, read from a page's candidate label cells and its text (spaces collapsed),
     * both taken once per page.
     */
    private record Labels(List<Element> cells, String text) {

        /**
         * The value printed next to a label: in the cell after a cell holding only the label ("发布机构：" | "…"),
         * else after the label and a colon in the page's text ("发布机构：哈尔滨市…").
         */
        Optional<String> value(String label) {
            for (Element cell : cells) {
                if (bare(cell.text()).equals(label)) {
                    Element next = cell.nextElementSibling();
                    if (next != null && !next.text().isBlank()) {
                        return Optional.of(next.text().strip());
                    }
                }
            }
            Matcher m = LABEL_IN_TEXT.computeIfAbsent(label, l -> Pattern.compile("(?<!\\p{IsHan})" + Pattern.quote(l)
                    + "\\s*[：:]\\s*([^\\s：:]+)")).matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    private static String bare(String text) {
        return SPACE.matcher(text).replaceAll("").replaceAll("[：:]+$", "");
    }
}
