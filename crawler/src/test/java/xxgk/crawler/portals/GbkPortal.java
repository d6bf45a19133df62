package xxgk.crawler.portals;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * 哈尔滨市呼兰区人民政府 on a home-made {@code .shtml} CMS in GBK: the charset is only in each page's {@code <meta>},
 * the 年报 list sits in an {@code <iframe>}, and attachments come from a {@code download.do?id=} servlet whose
 * Content-Disposition names the file three ways — raw GBK bytes, RFC 5987 {@code filename*=UTF-8''…} and
 * percent-encoded — always as {@code application/octet-stream}.
 */
final class GbkPortal implements Portal {

    static final String HOST = "www.hulan.gov.cn";
    static final String SITE = "hulan";
    private static final String NAME = "哈尔滨市呼兰区人民政府";
    private static final Charset GBK = Charset.forName("GBK");
    private static final String UPLOADS = "sample-portal/" + HOST + "/hebhlq/uploadfiles/202401/";

    /** A file of the download servlet: stored bytes, its name, and how the name is put in Content-Disposition. */
    private record Download(String resource, String filename, String disposition) {}

    private final Content content;
    private final Map<String, Download> downloads;

    GbkPortal(String base) {
        content = new Content(SITE, base);
        content.page("/robots.txt", Answer.text("User-agent: *\nDisallow: /hebhlq/admin/\n"));
        String title2023 = "呼兰区2023年政府信息公开工作年度报告";
        downloads = Map.of(
                "20240126091254532", new Download(UPLOADS + "20240126091254532.pdf", title2023 + ".pdf", "gbk"),
                "20240126091254187", new Download(UPLOADS + "20240126091254187.docx", title2023 + ".docx", "rfc5987"),
                "20240126091255046", new Download(UPLOADS + "20240126091255046.doc", title2023 + ".doc", "percent"));

        page("/index.html", column("首页", Html.nav("首页", "/index.html", "政府信息公开", "/hebhlq/xxgk/index.shtml",
                "新闻动态", "/hebhlq/xwdt/index.shtml")));
        page("/hebhlq/xwdt/index.shtml", column("新闻动态", Html.list(List.of(
                new Html.Link("/hebhlq/c106440/202401/c01_187001.shtml", "呼兰区召开经济工作会议", "2024-01-10")))));
        page("/hebhlq/c106440/202401/c01_187001.shtml", article("新闻动态", "呼兰区召开经济工作会议", "2024-01-10", NAME,
                "<p>会议部署了2024年经济工作。</p>\n"));
        page("/hebhlq/xxgk/index.shtml", column("政府信息公开", Html.nav("政府信息公开指南", "/hebhlq/xxgk/zn.shtml",
                "政府信息公开年报", "/hebhlq/2023/zfxxgklby_zc.shtml")));
        page("/hebhlq/xxgk/zn.shtml", column("政府信息公开指南", "<p>政府信息公开指南（2023年修订）。</p>\n"));
        page("/hebhlq/2023/zfxxgklby_zc.shtml", column("政府信息公开年报",
                "<iframe src=\"/hebhlq/xxgk/nb_list.shtml\" width=\"100%\" height=\"600\" frameborder=\"0\" scrolling=\"no\"></iframe>\n"));

        String y2023 = "/hebhlq/c106450/202401/c01_187532.shtml";
        page(y2023, article("政府信息公开年报", title2023, "2024-01-26", NAME, "<p>" + title2023 + "全文见附件。</p>\n"
                + Html.attachments(List.of(new Html.Link("/hebhlq/download.do?id=20240126091254532", title2023 + ".pdf", ""),
                new Html.Link("/hebhlq/download.do?id=20240126091254187", title2023 + ".docx", ""),
                new Html.Link("/hebhlq/download.do?id=20240126091255046", title2023 + ".doc", "")))));
        content.report("呼兰区人民政府", 2023, title2023, y2023, List.of("/hebhlq/download.do?id=20240126091254532",
                "/hebhlq/download.do?id=20240126091254187", "/hebhlq/download.do?id=20240126091255046"), List.of(), Reach.REACHABLE);

        String y2022 = "/hebhlq/c106450/202301/c01_176201.shtml";
        String title2022 = "呼兰区2022年政府信息公开工作年度报告";
        page(y2022, article("政府信息公开年报", title2022, "2023-01-30", NAME,
                Html.paragraphs(Sources.seedText(Sources.HULAN_2023, -1, Map.of()))));
        content.report("呼兰区人民政府", 2022, title2022, y2022, List.of(y2022), List.of(), Reach.REACHABLE);

        String education = "/hebhlq/c106451/202401/c01_187610.shtml";
        String titleEducation = "哈尔滨市呼兰区教育局2023年政府信息公开工作年度报告";
        page(education, article("部门年报", titleEducation, "2024-01-29", "哈尔滨市呼兰区教育局",
                Html.paragraphs(Sources.seedText(Sources.HULAN_2023, 0, Map.of("呼兰区2023年政府信息公开", "呼兰区教育局2023年政府信息公开",
                        "哈尔滨市呼兰区人民政府办公室", "哈尔滨市呼兰区教育局办公室")))));
        content.report("哈尔滨市呼兰区教育局", 2023, titleEducation, education, List.of(education), List.of(), Reach.REACHABLE);

        String template = "/hebhlq/c106450/202312/c01_186921.shtml";
        page(template, article("政府信息公开年报", "政府信息公开工作年度报告（模板）", "2023-12-20", NAME, blankTemplate()));
        content.decoy(template, Decoy.Kind.BLANK_TEMPLATE);

        page("/hebhlq/xxgk/nb_list.shtml", column("政府信息公开年报", Html.list(List.of(
                new Html.Link(education, titleEducation, "2024-01-29"),
                new Html.Link(y2023, title2023, "2024-01-26"),
                new Html.Link(template, "政府信息公开工作年度报告（模板）", "2023-12-20"),
                new Html.Link(y2022, title2022, "2023-01-30")))));
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public Site site(Duration delay) {
        return FixturePortals.site(SITE, NAME, content.url("/"), HOST, delay, List.of());
    }

    @Override
    public Content content() {
        return content;
    }

    @Override
    public Answer answer(Request request) {
        if (request.path().equals("/hebhlq/download.do")) {
            return download(request.parameter("id"));
        }
        String path = request.path().equals("/") ? "/index.html" : request.path();
        return content.page(path).orElse(Answer.notFound());
    }

    private Answer download(String id) {
        Download file = downloads.get(id);
        if (file == null) {
            return Answer.notFound();
        }
        String disposition = switch (file.disposition()) {
            case "gbk" -> "attachment; filename=\"" + new String(file.filename().getBytes(GBK), StandardCharsets.ISO_8859_1) + "\"";
            case "rfc5987" -> "attachment; filename*=UTF-8''" + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20");
            default -> "attachment; filename=\"" + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8) + "\"";
        };
        return Answer.ok("application/octet-stream", Sources.bytes(file.resource())).withHeader("Content-Disposition", disposition);
    }

    /** The official format with every cell empty: what a body downloads before filling it in. */
    private static String blankTemplate() {
        StringBuilder html = new StringBuilder("<p>一、总体情况</p>\n<p>二、主动公开政府信息情况</p>\n<table border=\"1\">\n"
                + "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n");
        for (String row : new String[] {"规章", "行政规范性文件"}) {
            html.append("<tr><td>").append(row).append("</td><td></td><td></td><td></td></tr>\n");
        }
        html.append("</table>\n<p>三、收到和处理政府信息公开申请情况</p>\n<table border=\"1\">\n");
        for (String row : new String[] {"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果"}) {
            html.append("<tr><td>").append(row).append("</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>\n");
        }
        return html.append("</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n<p>五、存在的主要问题及改进情况</p>\n"
                + "<p>六、其他需要报告的事项</p>\n").toString();
    }

    private void page(String path, String html) {
        content.page(path, Answer.htmlWithMetaCharsetOnly(html, GBK));
    }

    private static String column(String columnName, String body) {
        return Html.column("gb2312", where(columnName), body);
    }

    private static String article(String columnName, String title, String date, String publisher, String body) {
        return Html.article("gb2312", where(columnName), title, date, publisher, "hlq-" + date.replace("-", ""), "TRS_Editor", body);
    }

    private static Html.Where where(String column) {
        return new Html.Where(NAME, HOST, column);
    }
}
