package xxgk.crawler.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Entities;

/**
 * The application's pages as HTML text: escaping of everything that comes from the archive (titles, URLs, agency
 * names are data, never markup) and the frame every page shares.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
            header{background:#8b1a1a;color:#fff;padding:.5em 1em}header a{color:#fff;margin-right:1.2em;text-decoration:none}
            main{padding:1em 1.5em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em}
            th{background:#f4f0ec}td.n{text-align:right}.on_time{background:#dff0d8}.late{background:#fcf8e3}
            .missing{background:#f2dede}.removed{background:#ddd;text-decoration:line-through}.fail{color:#b00;font-weight:bold}
            .cell{cursor:help}.cell:focus,.cell:hover{outline:2px solid #8b1a1a}#provenance{background:#ffffe0;padding:.3em;min-height:1.4em}
            #chart{width:900px;height:380px}small{color:#666}""";

    private Html() {
    }

    /** Text as HTML character data or an attribute value. */
    static String esc(Object text) {
        return Entities.escape(String.valueOf(text));
    }

    /** A query parameter's value. */
    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A whole page: title, the navigation, then body (already HTML). */
    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title) + " · xxgk</title><style>" + STYLE
                + "</style></head><body><header><a href=\"/\"><b>xxgk</b></a><a href=\"/reports\">Reports</a><a href=\"/changes\">Changes</a>"
                + "<a href=\"/changes.atom\">Atom</a></header><main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    /** A link, both parts escaped. */
    static String link(String href, Object text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }
}
