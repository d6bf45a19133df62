package xxgk.crawler.portals;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * 测试县人民政府, a portal full of traps and noise around two reports: an events calendar linking a month back and
 * forward forever ({@code ?date=YYYY-MM}), an online service hall that gives every link a new {@code ;jsessionid=},
 * a print version ({@code ?print=1}, the same bytes) of every article, a 专题 page whose relative link {@code a/}
 * grows the URL forever, a promotional video of tens of megabytes streamed without Content-Length, and a robots.txt
 * with {@code Crawl-delay} that disallows a preview directory holding a report-like page.
 */
final class TrapPortal implements Portal {

    static final String HOST = "www.csx.gov.cn";
    static final String SITE = "cexian";
    private static final String NAME = "测试县人民政府";
    static final String DISALLOWED = "/zwgk/preview/";
    /** The promotional video's size: above the sites' 20 MB cap, so it is never kept. */
    static final long VIDEO_BYTES = 40L << 20;
    private static final String GENERATED = "reports/generated/";

    private final Content content;
    private final AtomicInteger sessions = new AtomicInteger(0x3A91F0);
    private String columnList;

    TrapPortal(String base) {
        content = new Content(SITE, base);
        content.page("/robots.txt", Answer.text("User-agent: *\nDisallow: " + DISALLOWED + "\nDisallow: /search/\nCrawl-delay: 0.05\n"));
        content.page("/index.html", column("首页", Html.nav("首页", "/index.html", "政府信息公开", "/zwgk/index.html",
                "活动日历", "/hdjl/rl.html?date=2024-01",
                "新闻动态", "/xwzx/index.html", "宣传片", "/xwzx/video/xcp.mp4", "站内搜索", "/search/index.jsp")));
        content.page("/xwzx/index.html", column("新闻动态", Html.list(List.of(
                new Html.Link("./202403/t20240315_91.html", "测试县开展春季植树活动", "2024-03-15")))));
        article("/xwzx/202403/t20240315_91.html", "新闻动态", "测试县开展春季植树活动", "2024-03-15", "<p>全县干部群众参加义务植树。</p>\n");
        content.page("/zwgk/index.html", column("政府信息公开", Html.nav("政府信息公开年报", "/zwgk/nb/index.html")));

        String title2022 = NAME + "2022年政府信息公开工作年度报告";
        String y2022 = "/zwgk/nb/202301/t20230120_88.html";
        List<String> files2022 = List.of("/zwgk/nb/202301/P020230120384756.pdf", "/zwgk/nb/202301/P020230120384757.doc");
        content.page(files2022.get(0), Answer.ok("application/pdf", Sources.bytes(GENERATED + "synthetic-fmt2021.pdf")));
        content.page(files2022.get(1), Answer.ok("application/msword", Sources.bytes(GENERATED + "synthetic-fmt2021.doc")));
        article(y2022, "政府信息公开年报", title2022, "2023-01-20", Html.attachments(List.of(
                new Html.Link("./P020230120384756.pdf", title2022 + ".pdf", ""), new Html.Link("./P020230120384757.doc", title2022 + ".doc", ""))));
        content.report(NAME, 2022, title2022, y2022, files2022, List.of(), Reach.REACHABLE);

        // The county republishes its city transport bureau's report (测试市 lies above 测试县).
        String transport = "测试市交通运输局";
        String title2020 = transport + "2020年政府信息公开工作年度报告";
        String y2020 = "/zwgk/nb/202101/t20210125_51.html";
        String file2020 = "/zwgk/nb/202101/P020210125733190.pdf";
        content.page(file2020, Answer.ok("application/pdf", Sources.bytes(GENERATED + "synthetic-fmt2019.pdf")));
        article(y2020, "政府信息公开年报", title2020, "2021-01-25", Html.attachments(List.of(new Html.Link("./P020210125733190.pdf", title2020 + ".pdf", ""))));
        content.report(transport, 2020, title2020, y2020, List.of(file2020), List.of(), Reach.REACHABLE);

        String preview = DISALLOWED + "t20240110_nbyl.html";
        String title2023 = NAME + "2023年政府信息公开工作年度报告（预览）";
        article(preview, "预览", title2023, "2024-01-10", "<p>本页为预览稿，请勿抓取。</p>\n");
        content.report(NAME, 2023, title2023, preview, List.of(preview), List.of(), Reach.ROBOTS_DISALLOWED);

        columnList = Html.list(List.of(
                new Html.Link("../preview/t20240110_nbyl.html", title2023, "2024-01-10"),
                new Html.Link("./202301/t20230120_88.html", title2022, "2023-01-20"),
                new Html.Link("./202101/t20210125_51.html", title2020, "2021-01-25")));
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
        String path = request.path();
        if (path.equals("/")) {
            path = "/index.html";
        }
        if (path.equals("/hdjl/rl.html")) {
            return calendar(request.parameter("date"));
        }
        if (path.matches("/zwgk/nb/index(_1)?\\.html(;jsessionid=\\w+)?")) {
            return reportColumn(path.contains("_1"));
        }
        if (path.matches("/zwgk/nb/zt/(a/)*")) {
            return column("年报解读专题", "<p>专题：" + (path.length() - 12) / 2 + "</p>\n<a href=\"a/\">更多专题</a>\n");
        }
        if (path.equals("/xwzx/video/xcp.mp4")) {
            return Answer.stream("video/mp4", VIDEO_BYTES);
        }
        // A print version (?print=1) is the page itself, byte for byte.
        return content.page(request.query() == null ? path : path + "?" + request.query()).orElse(Answer.notFound());
    }

    /** One month of events, linking the month before and after — with no end either way. */
    private Answer calendar(String date) {
        if (!date.matches("\\d{4}-\\d{2}")) {
            return Answer.notFound();
        }
        YearMonth month = YearMonth.parse(date);
        return column("活动日历", "<h2>" + month.getYear() + "年" + month.getMonthValue() + "月</h2>\n"
                + "<a href=\"rl.html?date=" + month.minusMonths(1) + "\">上一月</a> <a href=\"rl.html?date=" + month.plusMonths(1) + "\">下一月</a>\n"
                + "<table><tr><td>1</td><td>2</td><td>3</td></tr></table>\n");
    }

    /**
     * The 年报 column, two list pages of a Java web application that never sees a cookie back, so its pager puts a new
     * session into every link; beside the list, a 专题 page whose relative link {@code a/} grows the URL forever.
     * Both lie in the column's directory, where a focused crawl follows everything.
     */
    private Answer reportColumn(boolean secondPage) {
        String session = ";jsessionid=" + Integer.toHexString(sessions.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
        String pager = secondPage ? "<a href=\"index.html" + session + "\">上一页</a>\n"
                : "<a href=\"index_1.html" + session + "\">下一页</a>\n";
        return column("政府信息公开年报", (secondPage ? "<p>没有更多了。</p>\n" : columnList) + pager
                + "<a href=\"zt/\">年报解读专题</a>\n");
    }

    private void article(String path, String columnName, String title, String date, String body) {
        Answer page = Answer.html(Html.article("utf-8", where(columnName), title, date, NAME, "csx-" + date, "TRS_Editor",
                body + "<div class=\"tools\"><a href=\"?print=1\">打印本页</a> <a href=\"javascript:window.close()\">关闭窗口</a></div>\n"));
        content.page(path, page);
        content.page(path + "?print=1", page);
    }

    private Answer column(String columnName, String body) {
        return Answer.html(Html.column("utf-8", where(columnName), body));
    }

    private static Html.Where where(String column) {
        return new Html.Where(NAME, HOST, column);
    }
}
