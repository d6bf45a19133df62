package xxgk.crawler.portals;

import java.util.List;

/**
 * The pieces of a government portal page: the head with the standard meta tags of government websites
 * (SiteName, SiteDomain, ColumnName, ArticleTitle, PubDate, ContentSource), link lists, and the article
 * metadata table (索引号 / 发布机构 / 发文日期 / 主题分类).
 */
final class Html {

    /** A link a list shows: where it goes, what it says, and the date beside it. */
    record Link(String href, String text, String date) {}

    /** Who publishes a page and where it sits; the meta tags are written from it. */
    record Where(String siteName, String domain, String column) {}

    private Html() {}

    /** A column or section page. */
    static String column(String charset, Where where, String body) {
        return document(charset, where.column() + "_" + where.siteName(), head(where, "栏目页")
                + "<meta name=\"ColumnName\" content=\"" + where.column() + "\">\n", body);
    }

    /** An article page: its title, the publisher's metadata table, then the body. */
    static String article(String charset, Where where, String title, String date, String publisher, String indexNumber,
                          String bodyClass, String body) {
        String meta = head(where, "文章页")
                + "<meta name=\"ColumnName\" content=\"" + where.column() + "\">\n"
                + "<meta name=\"ArticleTitle\" content=\"" + escape(title) + "\">\n"
                + "<meta name=\"PubDate\" content=\"" + date + " 09:30\">\n"
                + "<meta name=\"ContentSource\" content=\"" + publisher + "\">\n";
        String table = "<table class=\"xxgk-meta\">\n"
                + "<tr><th>索引号</th><td>" + indexNumber + "</td><th>主题分类</th><td>政务公开</td></tr>\n"
                + "<tr><th>发布机构</th><td>" + publisher + "</td><th>发文日期</th><td>" + date + "</td></tr>\n"
                + "<tr><th>标题</th><td colspan=\"3\">" + escape(title) + "</td></tr>\n</table>\n";
        return document(charset, escape(title), meta, "<div class=\"article\">\n<h1>" + escape(title) + "</h1>\n"
                + table + "<div class=\"" + bodyClass + "\">\n" + body + "</div>\n</div>\n");
    }

    /** Each line of text as a paragraph. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                html.append("<p>").append(escape(line.strip())).append("</p>\n");
            }
        }
        return html.toString();
    }

    static String list(List<Link> links) {
        StringBuilder html = new StringBuilder("<ul class=\"list\">\n");
        for (Link link : links) {
            html.append(item(link)).append('\n');
        }
        return html.append("</ul>\n").toString();
    }

    static String item(Link link) {
        return "<li><a href=\"" + link.href() + "\" target=\"_blank\" title=\"" + escape(link.text()) + "\">"
                + escape(link.text()) + "</a><span>" + link.date() + "</span></li>";
    }

    /** A navigation bar: text → href pairs, in order. */
    static String nav(String... textsAndHrefs) {
        StringBuilder html = new StringBuilder("<div class=\"nav\">");
        for (int i = 0; i < textsAndHrefs.length; i += 2) {
            html.append("<a href=\"").append(textsAndHrefs[i + 1]).append("\">").append(textsAndHrefs[i]).append("</a> ");
        }
        return html.append("</div>\n").toString();
    }

    static String attachments(List<Link> files) {
        StringBuilder html = new StringBuilder("<div class=\"fj\">附件：\n");
        for (Link file : files) {
            html.append("<p><a href=\"").append(file.href()).append("\">").append(escape(file.text())).append("</a></p>\n");
        }
        return html.append("</div>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String head(Where where, String columnType) {
        return "<meta name=\"SiteName\" content=\"" + where.siteName() + "\">\n"
                + "<meta name=\"SiteDomain\" content=\"" + where.domain() + "\">\n"
                + "<meta name=\"SiteIDCode\" content=\"2301000001\">\n"
                + "<meta name=\"ColumnType\" content=\"" + columnType + "\">\n";
    }

    private static String document(String charset, String title, String meta, String body) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charset
                + "\">\n<title>" + title + "</title>\n" + meta + "</head>\n<body>\n<div class=\"header\">" + "</div>\n"
                + body + "<div class=\"footer\">主办单位：人民政府办公室 版权所有 备案号：黑ICP备05001234号</div>\n</body>\n</html>\n";
    }
}
