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
 * article metadata table (名称, 发布机构, 发文日期), its heading and date line, and its links with their texts.
 *
 * @param titles    the page's own titles, most authoritative first: ArticleTitle, 名称, the heading, the
 *                  {@code <title>} up to its first separator
 * @param siteName  the SiteName meta
 * @param publisher the 发布机构 (or 发文机关, 发布单位) of the metadata table
 * @param published PubDate meta, else 发文日期, else the date line (发布时间：…)
 * @param links     absolute URL → link text (or title attribute), in page order
 * @param article   true when the page describes itself as an article: ArticleTitle or PubDate meta, or a 名称 label
 */
record ArticlePage(List<String> titles, Optional<String> siteName, Optional<String> publisher,
                   Optional<LocalDate> published, Map<String, String> links, boolean article) {

    /** An article page is a few hundred KB; a larger page is no report's, and its DOM would take hundreds of MB. */
    static final long MAX_BYTES = 4L << 20;
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*[_|｜]\\s*|\\s+[-—–]\\s+");
    private static final Pattern DATE_LINE = Pattern.compile("(?:发布时间|发布日期|发文日期|日期)\\s*[：:]\\s*([0-9０-９][^\\s]*)");
    private static final String[] PUBLISHER_LABELS = {"发布机构", "发文机关", "发布单位"};
    private static final String[] DATE_LABELS = {"发文日期", "发布日期", "成文日期"};
    private static final String LABEL_CELLS = "td, th, dt, dd, span, label, b, strong, em, li";
    private static final Map<String, Pattern> LABEL_IN_TEXT = new ConcurrentHashMap<>();

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
        Map<String, String> links = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.startsWith("http")) {
                links.putIfAbsent(href, a.text().isBlank() ? a.attr("title").strip() : a.text().strip());
            }
        }
        boolean article = articleTitle.isPresent() || name.isPresent() || pubDate.isPresent();
        return new ArticlePage(List.copyOf(titles), meta(doc, "SiteName"), publisher, published, links, article);
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
