package xxgk.crawler.portals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * 绥芬河市人民政府 on Hanweb (大汉) JCMS: columns {@code /col/colNNN/index.html} whose first page keeps its records
 * in a {@code <script type="text/xml"><datastore>} and whose later pages come from {@code dataproxy.jsp} as XML;
 * articles {@code /art/Y/M/D/art_COL_ID.html}; attachments from {@code downfile.jsp} named in Content-Disposition.
 *
 * <p>Its 年报 column lists eleven reports over two pages (a year without the year in its title among them); the
 * 部门 column reprints one of them; the 2021 report has two attachments, the second failing once with 503.
 */
final class HanwebPortal implements Portal {

    static final String HOST = "www.suifenhe.gov.cn";
    static final String SITE = "suifenhe";
    /** The 年报 column: its later list pages answer POST only, as on some JCMS installs. */
    static final int POST_ONLY_COLUMN = 5396;
    private static final String NAME = "绥芬河市人民政府";
    private static final int PER_PAGE = 8;
    private static final String SAMPLE = "sample-portal/" + HOST + "/module/download/downfile/";

    /** One entry of a column list. */
    private record Entry(int column, int id, LocalDate date, String title) {
        String path() {
            return "/art/" + date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth()
                    + "/art_" + column + "_" + id + ".html";
        }

        Html.Link link() {
            return new Html.Link(path(), title, date.toString());
        }
    }

    private final Content content;
    private final Map<Integer, List<Entry>> columns = new java.util.HashMap<>();
    private final Map<String, String> downloads = new java.util.HashMap<>();
    private final AtomicBoolean docxFailed = new AtomicBoolean();

    HanwebPortal(String base) {
        content = new Content(SITE, base);
        content.page("/robots.txt", Answer.text("User-agent: *\nDisallow: /module/search/\n"));
        home();
        publishReports();
        publishDecoys();
        sections();
        for (Map.Entry<Integer, List<Entry>> column : columns.entrySet()) {
            content.page("/col/col" + column.getKey() + "/index.html", columnPage(column.getKey(), column.getValue()));
        }
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public Site site(Duration delay) {
        return FixturePortals.site(SITE, NAME, content.url("/"), HOST, delay, List.of("政府信息公开", "政府信息公开年报"));
    }

    @Override
    public Content content() {
        return content;
    }

    @Override
    public Answer answer(Request request) {
        return switch (request.path()) {
            case "/", "/index.html" -> content.page("/index.html").orElseThrow();
            case "/module/web/jpage/dataproxy.jsp" -> dataproxy(request);
            case "/module/download/downfile.jsp" -> download(request.parameter("filename"));
            default -> content.page(request.path()).orElse(Answer.notFound());
        };
    }

    private void home() {
        content.page("/index.html", Answer.html(Html.column("utf-8", where("首页"), Html.nav(
                "首页", "/index.html", "政府信息公开", "/col/col5390/index.html", "新闻动态", "/col/col5391/index.html",
                "互动交流", "/col/col5392/index.html", "办事服务", "/col/col5393/index.html")
                + "<div class=\"banner\">中国·绥芬河 欢迎您</div>\n")));
        content.page("/col/col5390/index.html", Answer.html(Html.column("utf-8", where("政府信息公开"), Html.nav(
                "政府信息公开指南", "/art/2023/3/1/art_5390_170001.html", "政府信息公开制度", "/col/col5394/index.html",
                "法定主动公开内容", "/col/col5395/index.html", "政府信息公开年报", "/col/col5396/index.html",
                "部门政府信息公开年报", "/col/col5398/index.html", "财政预决算", "/col/col5397/index.html",
                "法治政府建设", "/art/2024/3/28/art_5390_190211.html"))));
        content.page("/col/col5394/index.html", Answer.html(Html.column("utf-8", where("政府信息公开制度"),
                "<p>《中华人民共和国政府信息公开条例》</p>")));
        content.page("/col/col5395/index.html", Answer.html(Html.column("utf-8", where("法定主动公开内容"),
                "<p>机构职能、规范性文件、规划信息。</p>")));
    }

    private void publishReports() {
        String pdf = "/module/download/downfile.jsp?classid=0&filename=2201201530452389.pdf";
        String docx = "/module/download/downfile.jsp?classid=0&filename=2201201530452390.docx";
        downloads.put("2201201530452389.pdf", "绥芬河市人民政府2021年政府信息公开工作年度报告.pdf");
        downloads.put("2201201530452390.docx", "绥芬河市人民政府2021年政府信息公开工作年度报告.docx");
        Entry y2021 = entry(5396, 160245, "2022-01-20", NAME + "2021年政府信息公开工作年度报告");
        article(y2021, NAME, "<p>现将" + NAME + "2021年政府信息公开工作年度报告予以公开。</p>\n" + Html.attachments(List.of(
                new Html.Link(pdf, NAME + "2021年政府信息公开工作年度报告.pdf", ""),
                new Html.Link(docx, NAME + "2021年政府信息公开工作年度报告.docx", ""))));
        content.report(NAME, 2021, y2021.title(), y2021.path(), List.of(pdf, docx), List.of(), Reach.REACHABLE);

        textReport(5396, 120033, "2020-01-17", NAME, 2019, NAME + "2019年政府信息公开工作年度报告");
        // The 2020 report's title names no year: it is the year before publication.
        textReport(5396, 140412, "2021-01-22", NAME, 2020, NAME + "政府信息公开工作年度报告");
        textReport(5396, 170115, "2023-01-19", NAME, 2022, NAME + "2022年政府信息公开工作年度报告");
        textReport(5396, 182016, "2024-01-18", NAME, 2023, NAME + "2023年政府信息公开工作年度报告");
        textReport(5396, 197003, "2025-01-16", NAME, 2024, NAME + "2024年政府信息公开工作年度报告");
        textReport(5396, 170301, "2023-01-30", "绥芬河镇人民政府", 2022, "绥芬河镇人民政府2022年政府信息公开工作年度报告");
        textReport(5396, 182210, "2024-01-26", "绥芬河镇人民政府", 2023, "绥芬河镇人民政府2023年政府信息公开工作年度报告");
        textReport(5396, 182230, "2024-01-29", "阜宁镇人民政府", 2023, "阜宁镇人民政府2023年政府信息公开工作年度报告");
        textReport(5398, 170420, "2023-01-28", "绥芬河市教育局", 2022, "绥芬河市教育局2022年政府信息公开工作年度报告");

        // The finance bureau's report stands in the city's column and, reprinted, in the departments' column.
        String finance = "绥芬河市财政局";
        String title = finance + "2023年政府信息公开工作年度报告";
        Entry original = entry(5396, 182101, "2024-01-25", title);
        Entry reprint = entry(5398, 182102, "2024-01-25", title);
        String body = Html.paragraphs(Sources.seedText(Sources.SUIFENHE_2021, 2, Map.of(NAME, finance)));
        article(original, finance, body);
        article(reprint, finance, body);
        content.report(finance, 2023, title, original.path(), List.of(original.path()), List.of(reprint.path()), Reach.REACHABLE);
    }

    private void publishDecoys() {
        // Both are linked from the 政府信息公开 page itself, not listed in a column.
        Entry guide = new Entry(5390, 170001, LocalDate.parse("2023-03-01"), NAME + "政府信息公开指南");
        article(guide, NAME, "<p>为了更好地提供政府信息公开服务，编制本指南。一、主动公开 二、依申请公开 三、监督和救济</p>\n");
        content.decoy(guide.path(), Decoy.Kind.GUIDE);

        Entry law = new Entry(5390, 190211, LocalDate.parse("2024-03-28"), "绥芬河市2023年法治政府建设年度报告");
        article(law, NAME, "<p>2023年，我市深入学习贯彻习近平法治思想，法治政府建设年度报告如下。</p>\n");
        content.decoy(law.path(), Decoy.Kind.RULE_OF_LAW_REPORT);

        Entry budget = entry(5397, 181001, "2023-02-10", NAME + "2023年预算公开");
        article(budget, "绥芬河市财政局", "<p>2023年一般公共预算收入预算表、支出预算表。</p>\n");
        content.decoy(budget.path(), Decoy.Kind.BUDGET);
        Entry accounts = entry(5397, 185002, "2023-08-30", NAME + "2022年度决算公开");
        article(accounts, "绥芬河市财政局", "<p>2022年度一般公共预算收支决算表。</p>\n");
        content.decoy(accounts.path(), Decoy.Kind.FINAL_ACCOUNTS);

        Entry meeting = entry(5391, 185001, "2023-12-05", "绥芬河市召开政府信息公开年报编制工作培训会");
        article(meeting, NAME, "<p>12月5日，我市召开2023年度政府信息公开工作年度报告编制工作培训会，各部门信息公开工作人员参加。</p>\n");
        content.decoy(meeting.path(), Decoy.Kind.NEWS_ABOUT_REPORTS);
    }

    /** News, 互动 and 办事 columns: what a person passes by on the way to the reports. */
    private void sections() {
        for (int i = 0; i < 12; i++) {
            // 2023, so that the meeting on the 年报 (5 December) is on the news column's first page, where a focused crawl looks.
            Entry news = entry(5391, 186000 + i, LocalDate.of(2023, 1 + i, 10).toString(), "绥芬河市" + (i + 1) + "月份重点工作推进会召开");
            article(news, NAME, "<p>会议总结了各项工作进展。</p>\n");
        }
        for (int i = 0; i < 6; i++) {
            Entry letter = entry(5392, 187000 + i, LocalDate.of(2024, 2, 1 + i).toString(), "关于市区道路维修的咨询" + (i + 1));
            article(letter, NAME, "<p>您好，您反映的问题已转交相关部门办理。</p>\n");
        }
        for (int i = 0; i < 6; i++) {
            Entry guide = entry(5393, 188000 + i, LocalDate.of(2023, 5, 1 + i).toString(), "办事指南：事项" + (i + 1));
            article(guide, NAME, "<p>办理条件、申请材料、办理流程。</p>\n");
        }
    }

    private void textReport(int column, int id, String date, String agency, int year, String title) {
        Entry entry = entry(column, id, date, title);
        article(entry, agency, Html.paragraphs(Sources.seedText(Sources.SUIFENHE_2021, year - 2021, Map.of(NAME, agency))));
        content.report(agency, year, title, entry.path(), List.of(entry.path()), List.of(), Reach.REACHABLE);
    }

    private Entry entry(int column, int id, String date, String title) {
        Entry entry = new Entry(column, id, LocalDate.parse(date), title);
        columns.computeIfAbsent(column, c -> new ArrayList<>()).add(entry);
        return entry;
    }

    private void article(Entry entry, String publisher, String body) {
        content.page(entry.path(), Answer.html(Html.article("utf-8", where(columnName(entry.column())), entry.title(),
                entry.date().toString(), publisher, "11231081MB1234567X/" + entry.date().getYear() + "-" + entry.id(),
                "zoom", body)));
    }

    /** A column's first page: its newest records in the datastore, the rest left to dataproxy.jsp. */
    private Answer columnPage(int column, List<Entry> entries) {
        List<Entry> sorted = newestFirst(entries);
        String webname = URLEncoder.encode(NAME, StandardCharsets.UTF_8);
        StringBuilder store = new StringBuilder("<div id=\"" + (4000 + column) + "\"><script type=\"text/xml\"><datastore>\n"
                + "<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=20&path=%2F&columnid="
                + column + "&unitid=" + (4000 + column) + "&webname=" + webname + "&permissiontype=0\"></a>]]></nextgroup>\n<recordset>\n");
        for (Entry entry : sorted.subList(0, Math.min(PER_PAGE, sorted.size()))) {
            store.append("<record><![CDATA[\n").append(Html.item(entry.link())).append("\n]]></record>\n");
        }
        store.append("</recordset>\n</datastore></script></div>\n<script type=\"text/javascript\" src=\"/module/web/jpage/jpage.js\"></script>\n"
                + "<script>$(document).ready(function(){ $('#" + (4000 + column) + "').jpage({ dataStore: dataStore, "
                + "totalRecord: " + sorted.size() + ", perPage: " + PER_PAGE + ", proxyUrl: '/module/web/jpage/dataproxy.jsp' }); });</script>\n");
        return Answer.html(Html.column("utf-8", where(columnName(column)), store.toString()));
    }

    /**
     * dataproxy.jsp: the records from startrecord to endrecord of a column, as XML — by GET or POST alike, except for
     * the 年报 column, whose server accepts only the POST that JCMS's own pager sends.
     */
    private Answer dataproxy(Request request) {
        int column = number(request.parameter("columnid"));
        if (column == POST_ONLY_COLUMN && !request.method().equals("POST")) {
            return Answer.error(405, "405 Method Not Allowed");
        }
        List<Entry> entries = columns.get(column);
        int start = number(request.parameter("startrecord"));
        int end = number(request.parameter("endrecord"));
        int perPage = number(request.parameter("perpage"));
        if (entries == null || start < 1 || end < start || perPage < 1) {
            return Answer.notFound();
        }
        List<Entry> sorted = newestFirst(entries);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<datastore>\n<totalrecord>"
                + sorted.size() + "</totalrecord>\n<totalpage>" + ((sorted.size() + perPage - 1) / perPage) + "</totalpage>\n<recordset>\n");
        for (Entry entry : sorted.subList(Math.min(start - 1, sorted.size()), Math.min(end, sorted.size()))) {
            xml.append("<record><![CDATA[\n").append(Html.item(entry.link())).append("\n]]></record>\n");
        }
        return Answer.xml(xml.append("</recordset>\n</datastore>\n").toString());
    }

    private Answer download(String filename) {
        String title = downloads.get(filename);
        if (title == null) {
            return Answer.notFound();
        }
        if (filename.endsWith(".docx") && docxFailed.compareAndSet(false, true)) {
            return Answer.error(503, "503 Service Unavailable");
        }
        return Answer.ok("application/octet-stream", Sources.bytes(SAMPLE + filename))
                .withHeader("Content-Disposition", "attachment; filename=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
    }

    private static List<Entry> newestFirst(List<Entry> entries) {
        return entries.stream().sorted(java.util.Comparator.comparing(Entry::date).reversed()).toList();
    }

    private static int number(String text) {
        return text.matches("\\d{1,9}") ? Integer.parseInt(text) : -1;
    }

    private static String columnName(int column) {
        return switch (column) {
            case 5390 -> "政府信息公开";
            case 5391 -> "新闻动态";
            case 5392 -> "互动交流";
            case 5393 -> "办事服务";
            case 5396 -> "政府信息公开年报";
            case 5397 -> "财政预决算";
            case 5398 -> "部门政府信息公开年报";
            default -> "栏目";
        };
    }

    private static Html.Where where(String column) {
        return new Html.Where(NAME, HOST, column);
    }
}
