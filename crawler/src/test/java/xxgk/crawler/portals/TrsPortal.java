package xxgk.crawler.portals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * 哈尔滨市人民政府 on TRS WCM (拓尔思): lists {@code index.html}, {@code index_1.html}, … whose pager only a script
 * writes ({@code createPageHTML(n, i, "index", "html")}), articles {@code ./YYYYMM/tYYYYMMDD_N.html} with their body
 * in {@code .TRS_Editor} and attachments {@code ./P0….pdf} beside them.
 *
 * <p>The 年报 column has per-level sub-columns (市本级 over two list pages, 市政府部门 with per-year sub-columns,
 * 区县(市) linking a PDF directly). A deep news section, a 互动 mailbox and 办事 guides, all paginated, hold
 * several thousand pages no report is on.
 */
final class TrsPortal implements Portal {

    static final String HOST = "www.harbin.gov.cn";
    static final String SITE = "harbin";
    private static final String NAME = "哈尔滨市人民政府";
    private static final String REPORTS = "/zwgk/zfxxgknb/";
    private static final String SAMPLE = "sample-portal/" + HOST;
    private static final int PER_PAGE = 20;

    private final Content content;

    /** @param newsArticles how many news articles the news section holds; the mailbox and guides scale with it */
    TrsPortal(String base, int newsArticles) {
        content = new Content(SITE, base);
        content.page("/robots.txt", Answer.text("User-agent: *\nDisallow: /search/\n"));
        content.page("/index.html", column("首页", Html.nav("首页", "/index.html", "政府信息公开目录", "/zwgk/index.html",
                "新闻中心", "/xwzx/jrrd/index.html", "互动交流", "/hdjl/index.html", "办事服务", "/bsfw/index.html")
                + "<div class=\"search\"><a href=\"/search/index.jsp\">站内搜索</a></div>\n"));
        content.page("/zwgk/index.html", column("政府信息公开目录", Html.nav(
                "政府信息公开指南", "/zwgk/xxgkzn/202301/t20230105_1400001.html", "政府信息公开年报", REPORTS + "index.html",
                "统计信息", "/zwgk/tjxx/index.html", "财政预决算", "/zwgk/czyjs/index.html", "法治政府建设", "/zwgk/fzzf/index.html")));
        content.page(REPORTS + "index.html", column("政府信息公开年报", Html.nav(
                "市本级政府信息公开年报专栏", "sbj/index.html", "市政府部门政府信息公开年报专栏", "szfbm/index.html",
                "区、县（市）政府信息公开年度报告", "qxs/index.html")));
        cityReports();
        departmentReports();
        districtReports();
        publishDecoys();
        news(newsArticles);
        mailbox(newsArticles / 10);
        guides(newsArticles / 20);
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public Site site(Duration delay) {
        // As the 2021 report names it: 政府信息公开目录-政府信息公开年报-市本级政府信息公开年报专栏.
        return FixturePortals.site(SITE, NAME, content.url("/"), HOST, delay,
                List.of("政府信息公开目录", "政府信息公开年报", "市本级政府信息公开年报专栏"));
    }

    @Override
    public Content content() {
        return content;
    }

    @Override
    public Answer answer(Request request) {
        String path = request.path().equals("/") ? "/index.html" : request.path();
        return content.page(path).orElse(Answer.notFound());
    }

    private void cityReports() {
        String dir = REPORTS + "sbj/";
        String y2021 = dir + "202203/t20220330_1316457.html";
        List<String> files = List.of(dir + "202203/P020220330604338716552.pdf", dir + "202203/P020220330604339208123.doc",
                dir + "202203/P020220330604339532877.docx");
        content.page(files.get(0), Answer.ok("application/octet-stream", Sources.bytes(SAMPLE + files.get(0))));
        content.page(files.get(1), Answer.ok("application/msword", Sources.bytes(SAMPLE + files.get(1))));
        content.page(files.get(2), Answer.ok("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Sources.bytes(SAMPLE + files.get(2))));
        String title2021 = NAME + "2021年政府信息公开工作年度报告";
        article(y2021, "市本级政府信息公开年报专栏", title2021, "2022-03-30", NAME, "<p>哈尔滨市2021年政府信息公开工作报告全文见附件。</p>\n"
                + Html.attachments(List.of(new Html.Link("./P020220330604338716552.pdf", title2021 + ".pdf", ""),
                new Html.Link("./P020220330604339208123.doc", title2021 + ".doc", ""),
                new Html.Link("./P020220330604339532877.docx", title2021 + ".docx", ""))));
        content.report(NAME, 2021, title2021, y2021, files, List.of(), Reach.REACHABLE);

        List<Html.Link> first = new ArrayList<>();
        List<Html.Link> second = new ArrayList<>();
        first.add(textReport(dir, "202401/t20240126_1420001.html", "2024-01-26", NAME, 2023, Sources.HARBIN_2021, Map.of()));
        first.add(textReport(dir, "202301/t20230130_1350001.html", "2023-01-30", NAME, 2022, Sources.HARBIN_2021, Map.of()));
        first.add(new Html.Link("./202203/t20220330_1316457.html", title2021, "2022-03-30"));
        second.add(textReport(dir, "202101/t20210125_1120001.html", "2021-01-25", NAME, 2020, Sources.HARBIN_2021, Map.of()));
        second.add(textReport(dir, "202001/t20200120_1020001.html", "2020-01-20", NAME, 2019, Sources.HARBIN_2021, Map.of()));
        content.page(dir + "index.html", column("市本级政府信息公开年报专栏", Html.list(first) + pager(2, 0)));
        content.page(dir + "index_1.html", column("市本级政府信息公开年报专栏", Html.list(second) + pager(2, 1)));
    }

    private void departmentReports() {
        String dir = REPORTS + "szfbm/";
        String agency = "哈尔滨市营商环境建设监督局";
        content.page(dir + "index.html", column("市政府部门政府信息公开年报专栏", Html.nav("2023年度", "2023/index.html", "2019年度", "2019/index.html")));

        String y2019 = dir + "202001/t20200121_1021843.html";
        List<String> files = List.of(dir + "202001/P020200121586264113502.pdf", dir + "202001/P020200121586263720147.doc");
        content.page(files.get(0), Answer.ok("application/pdf", Sources.bytes(SAMPLE + files.get(0))));
        content.page(files.get(1), Answer.ok("application/msword", Sources.bytes(SAMPLE + files.get(1))));
        String title2019 = agency + "2019年政府信息公开工作年度报告";
        article(y2019, "市政府部门政府信息公开年报专栏", title2019, "2020-01-21", agency, "<p>附件：</p>\n" + Html.attachments(List.of(
                new Html.Link("./P020200121586264113502.pdf", title2019 + ".pdf", ""),
                new Html.Link("./P020200121586263720147.doc", title2019 + ".doc", ""))));
        content.report(agency, 2019, title2019, y2019, files, List.of(), Reach.REACHABLE);
        content.page(dir + "2019/index.html", column("2019年度", Html.list(List.of(
                new Html.Link("../202001/t20200121_1021843.html", title2019, "2020-01-21")))));

        Html.Link y2023 = textReport(dir, "202401/t20240129_1420311.html", "2024-01-29", agency, 2023, Sources.BUSINESS_BUREAU_2019, Map.of());
        content.page(dir + "2023/index.html", column("2023年度", Html.list(List.of(
                new Html.Link("../" + y2023.href().substring(2), y2023.text(), y2023.date())))));
    }

    /** The districts' column links a district bureau's PDF directly: no article page. */
    private void districtReports() {
        String dir = REPORTS + "qxs/";
        String pdf = dir + "202201/P020220125356102118823.pdf";
        content.page(pdf, Answer.ok("application/pdf", Sources.bytes("sample-portal/ngqxxgk.harbin.gov.cn/attach/0/2201251015389243.pdf")));
        String title = "南岗区城管局2021年政府信息公开工作年度报告";
        content.page(dir + "index.html", column("区、县（市）政府信息公开年度报告", Html.list(List.of(
                new Html.Link("./202201/P020220125356102118823.pdf", title, "2022-01-25")))));
        content.report("哈尔滨市南岗区城市管理局", 2021, title, null, List.of(pdf), List.of(), Reach.REACHABLE);
    }

    private void publishDecoys() {
        decoy("/zwgk/xxgkzn/", "202301/t20230105_1400001.html", "政府信息公开指南", "2023-01-05", NAME + "政府信息公开指南",
                "<p>一、主动公开 二、依申请公开 三、收费 四、监督方式</p>", Decoy.Kind.GUIDE);
        decoy("/zwgk/tjxx/", "202403/t20240320_1430001.html", "统计信息", "2024-03-20", "哈尔滨市2023年国民经济和社会发展统计公报",
                "<p>2023年，全市实现地区生产总值……</p>", Decoy.Kind.STATISTICS_COMMUNIQUE);
        decoy("/zwgk/czyjs/", "202302/t20230215_1402001.html", "财政预决算", "2023-02-15", "哈尔滨市2023年市本级预算公开",
                "<p>2023年市本级一般公共预算收支预算表。</p>", Decoy.Kind.BUDGET);
        content.page("/zwgk/czyjs/index.html", column("财政预决算", Html.list(List.of(
                new Html.Link("./202302/t20230215_1402001.html", "哈尔滨市2023年市本级预算公开", "2023-02-15"),
                new Html.Link("./202308/t20230830_1409001.html", "哈尔滨市2022年市本级决算公开", "2023-08-30")))));
        article("/zwgk/czyjs/202308/t20230830_1409001.html", "财政预决算", "哈尔滨市2022年市本级决算公开", "2023-08-30", "哈尔滨市财政局",
                "<p>2022年市本级一般公共预算收支决算表。</p>");
        content.decoy("/zwgk/czyjs/202308/t20230830_1409001.html", Decoy.Kind.FINAL_ACCOUNTS);
        decoy("/zwgk/fzzf/", "202403/t20240329_1431001.html", "法治政府建设", "2024-03-29", "哈尔滨市2023年法治政府建设年度报告",
                "<p>2023年法治政府建设工作情况报告如下。</p>", Decoy.Kind.RULE_OF_LAW_REPORT);
    }

    /** A decoy article in a column of its own (whose index lists it), except the budget column, listed above. */
    private void decoy(String dir, String file, String columnName, String date, String title, String body, Decoy.Kind kind) {
        article(dir + file, columnName, title, date, NAME, body);
        if (kind != Decoy.Kind.BUDGET) {
            content.page(dir + "index.html", column(columnName, Html.list(List.of(new Html.Link("./" + file, title, date)))));
        }
        content.decoy(dir + file, kind);
    }

    /** The news section: list pages of twenty, each article linking the previous and next one. */
    private void news(int count) {
        String dir = "/xwzx/jrrd/";
        List<Html.Link> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = LocalDate.of(2024, 6, 30).minusDays(i / 3);
            String title = i == 45 ? "哈尔滨市召开政府信息公开年报编制工作培训会" : "哈尔滨市" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日要闻" + (i % 3 + 1);
            links.add(new Html.Link("./" + trsPath(date, 1500000 + i), title, date.toString()));
        }
        for (int i = 0; i < count; i++) {
            Html.Link link = links.get(i);
            String body = i == 45 ? "<p>近日，市政府办公厅召开2023年度政府信息公开工作年度报告编制工作培训会。</p>\n"
                    : "<p>" + link.text() + "。全市各部门扎实推进各项工作。</p>\n";
            String around = Html.nav("上一篇", "../" + links.get(Math.max(0, i - 1)).href().substring(2),
                    "下一篇", "../" + links.get(Math.min(count - 1, i + 1)).href().substring(2), "返回列表", "../index.html");
            article(dir + link.href().substring(2), "今日热点", link.text(), link.date(), "哈尔滨日报", body + around);
            if (i == 45) {
                content.decoy(dir + link.href().substring(2), Decoy.Kind.NEWS_ABOUT_REPORTS);
            }
        }
        paginate(dir, "今日热点", links);
    }

    private void mailbox(int count) {
        content.page("/hdjl/index.html", column("互动交流", Html.nav("市长信箱", "szxx/index.html", "在线访谈", "zxft/index.html")));
        content.page("/hdjl/zxft/index.html", column("在线访谈", "<p>暂无访谈。</p>\n"));
        List<Html.Link> letters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = LocalDate.of(2024, 6, 30).minusDays(i);
            Html.Link link = new Html.Link("./" + trsPath(date, 1600000 + i), "关于小区供暖问题的来信" + (i + 1), date.toString());
            letters.add(link);
            article("/hdjl/szxx/" + link.href().substring(2), "市长信箱", link.text(), link.date(), "市长信箱",
                    "<p>来信内容：小区供暖温度不达标。</p>\n<p>答复：已责成供热企业整改。</p>\n");
        }
        paginate("/hdjl/szxx/", "市长信箱", letters);
    }

    private void guides(int count) {
        content.page("/bsfw/index.html", column("办事服务", Html.nav("办事指南", "bszn/index.html")));
        List<Html.Link> guides = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = LocalDate.of(2023, 3, 1).plusDays(i);
            Html.Link link = new Html.Link("./" + trsPath(date, 1700000 + i), "办事指南：行政许可事项" + (i + 1), date.toString());
            guides.add(link);
            article("/bsfw/bszn/" + link.href().substring(2), "办事指南", link.text(), link.date(), NAME,
                    "<p>一、办理依据 二、申请条件 三、申请材料 四、办理流程</p>\n");
        }
        paginate("/bsfw/bszn/", "办事指南", guides);
    }

    /** index.html, index_1.html, … of twenty links each, the pager written by createPageHTML only. */
    private void paginate(String dir, String columnName, List<Html.Link> links) {
        int pages = Math.max(1, (links.size() + PER_PAGE - 1) / PER_PAGE);
        for (int p = 0; p < pages; p++) {
            List<Html.Link> page = links.subList(p * PER_PAGE, Math.min(links.size(), (p + 1) * PER_PAGE));
            content.page(dir + (p == 0 ? "index.html" : "index_" + p + ".html"), column(columnName, Html.list(page) + pager(pages, p)));
        }
    }

    private Html.Link textReport(String dir, String file, String date, String agency, int year, String seed, Map<String, String> names) {
        int seedYear = seed.equals(Sources.BUSINESS_BUREAU_2019) ? 2019 : 2021;
        String title = agency + year + "年政府信息公开工作年度报告";
        String column = dir.contains("szfbm") ? "市政府部门政府信息公开年报专栏" : "市本级政府信息公开年报专栏";
        article(dir + file, column, title, date, agency, Html.paragraphs(Sources.seedText(seed, year - seedYear, names)));
        content.report(agency, year, title, dir + file, List.of(dir + file), List.of(), Reach.REACHABLE);
        return new Html.Link("./" + file, title, date);
    }

    private void article(String path, String columnName, String title, String date, String publisher, String body) {
        content.page(path, Answer.html(Html.article("utf-8", where(columnName), title, date, publisher,
                "000012345/" + date.substring(0, 4) + "-" + Math.floorMod(path.hashCode(), 100000), "TRS_Editor", body)));
    }

    private Answer column(String columnName, String body) {
        return Answer.html(Html.column("utf-8", where(columnName), body));
    }

    /** TRS's pager: a script, so the later pages appear in no {@code <a>} tag. */
    private static String pager(int pages, int current) {
        return "<div class=\"page\"><script type=\"text/javascript\">\nvar currentPage = " + current + ";\n"
                + "createPageHTML(" + pages + ", " + current + ", \"index\", \"html\");\n</script></div>\n";
    }

    private static String trsPath(LocalDate date, int id) {
        return String.format("%d%02d/t%d%02d%02d_%d.html", date.getYear(), date.getMonthValue(), date.getYear(),
                date.getMonthValue(), date.getDayOfMonth(), id);
    }

    private static Html.Where where(String column) {
        return new Html.Where(NAME, HOST, column);
    }
}
