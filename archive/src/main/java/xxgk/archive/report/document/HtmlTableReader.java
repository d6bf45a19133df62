package xxgk.archive.report.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import xxgk.archive.text.HtmlCharset;

/**
 * Reads an HTML (or Tika XHTML) document into rows: each innermost {@code <table>} is expanded into a grid, its
 * rowspan and colspan filled in, so that a row label spanning several rows stands in each of them; the rest of
 * the page becomes prose, one row per block element.
 */
public final class HtmlTableReader {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "tr", "td", "th", "table", "tbody", "thead", "section", "article", "center", "blockquote", "dd", "dt",
            "pre", "header", "footer", "form");
    /** Spans beyond this are broken markup, not layout. */
    private static final int MAX_SPAN = 50;

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private int tables;

    private HtmlTableReader() {
    }

    /** Reads HTML bytes decoded as the project's one charset rule ({@link HtmlCharset}) decides. */
    public static ReportDocument read(byte[] html) {
        return read(HtmlCharset.decode(html, null), "html-grid");
    }

    public static ReportDocument read(String html, String reader) {
        Document doc = Jsoup.parse(html);
        HtmlTableReader r = new HtmlTableReader();
        Element articleTitle = doc.selectFirst("meta[name=ArticleTitle]");
        if (articleTitle != null && !articleTitle.attr("content").isBlank()) {
            r.rows.add(Row.prose(Cell.at("meta ArticleTitle", articleTitle.attr("content").strip())));
        }
        r.walk(doc.body());
        r.endParagraph();
        return new ReportDocument(r.rows, reader);
    }

    private void walk(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                paragraph.append(text.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("table") && e.select("table").size() == 1) {
                    endParagraph();
                    readTable(e);
                } else if (tag.equals("br")) {
                    endParagraph();
                } else if (BLOCKS.contains(tag)) {
                    endParagraph();
                    walk(e);
                    endParagraph();
                } else if (!tag.equals("script") && !tag.equals("style")) {
                    walk(e);
                }
            }
        }
    }

    private void endParagraph() {
        String text = paragraph.toString().strip();
        if (!text.isEmpty()) {
            rows.add(Row.prose(Cell.at("paragraph " + (rows.size() + 1), text)));
        }
        paragraph.setLength(0);
    }

    private void readTable(Element table) {
        tables++;
        List<Element> trs = table.select("tr");
        Map<Long, Element> grid = new HashMap<>();
        for (int r = 0; r < trs.size(); r++) {
            int col = 0;
            for (Element td : trs.get(r).children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                while (grid.containsKey(slot(r, col))) {
                    col++;
                }
                int rowspan = span(td.attr("rowspan"));
                int colspan = span(td.attr("colspan"));
                for (int dr = 0; dr < rowspan; dr++) {
                    for (int dc = 0; dc < colspan; dc++) {
                        grid.putIfAbsent(slot(r + dr, col + dc), td);
                    }
                }
                col += colspan;
            }
        }
        int width = grid.keySet().stream().mapToInt(k -> (int) (k & 0xffff) + 1).max().orElse(0);
        for (int r = 0; r < trs.size(); r++) {
            List<Cell> cells = new ArrayList<>();
            Element left = null;
            for (int c = 0; c < width; c++) {
                Element td = grid.get(slot(r, c));
                if (td != null && td == left) {
                    continue;
                }
                left = td;
                String location = "table " + tables + ", row " + (r + 1) + ", column " + (c + 1);
                String text = td == null ? "" : td.text().strip();
                boolean spannedFromAbove = td != null && r > 0 && grid.get(slot(r - 1, c)) == td;
                if (spannedFromAbove && CellText.read(text).isValue()) {
                    // A number spanning rows belongs to the row it starts in; a label is repeated in every row.
                    continue;
                }
                cells.add(Cell.at(location, text));
            }
            rows.add(new Row(cells, false));
        }
    }

    private static long slot(int row, int col) {
        return ((long) row << 16) | col;
    }

    private static int span(String attr) {
        try {
            return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(attr.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
