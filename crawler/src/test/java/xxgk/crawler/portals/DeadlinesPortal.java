package xxgk.crawler.portals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * 牡丹江市人民政府's portal as the statutory deadlines meet it: a 年报 column of year columns, the 2021 one only
 * linking its sub-columns (市本级, 市政府部门, 县（市）区) — a column titled like a report, not one. Its reports for
 * 2021 are on time, late or absent, for the city government and its districts (due 31 March) and for departments
 * (due 31 January); each says its date its own way: PubDate and the metadata table, only a date line under the
 * title ("2022-02-05 10:00　来源：…"), or only the date beside a PDF's link on the list.
 *
 * <p>Served alone by {@link FixturePortals#start(java.util.function.Function)}; it is not part of the navigation
 * yardstick, whose numbers stay comparable.
 */
final class DeadlinesPortal implements Portal {

    static final String HOST = "www.mdj.gov.cn";
    static final String SITE = "mdj";
    static final String CITY = "牡丹江市人民政府";
    static final String FINANCE = "牡丹江市财政局";
    static final String EDUCATION = "牡丹江市教育局";
    static final String ENVIRONMENT = "牡丹江市生态环境局";
    static final String JUSTICE = "牡丹江市司法局";
    static final String DONGAN = "牡丹江市东安区人民政府";
    static final String YANGMING = "阳明区人民政府";
    /** The 2021 year column: linking sub-columns only. */
    static final String YEAR_COLUMN = "/zwgk/nb/2021/index.html";
    private static final String NB = "/zwgk/nb/";

    private final Content content;

    DeadlinesPortal(String base) {
        content = new Content(SITE, base);
        content.page("/robots.txt", Answer.text("User-agent: *\nDisallow: /search/\n"));
        content.page("/index.html", column("首页", Html.nav("首页", "/index.html", "政府信息公开", "/zwgk/index.html")));
        content.page("/zwgk/index.html", column("政府信息公开", Html.nav("政府信息公开指南", "/zwgk/zn/index.html",
                "政府信息公开年报", NB + "index.html")));
        content.page(NB + "index.html", column("政府信息公开年报", Html.nav(
                "2021年政府信息公开年报", "2021/index.html", "2020年政府信息公开年报", "2020/index.html")));
        // Its breadcrumb and heading print the title: its text reads like a report's, its links lead to columns.
        content.page(YEAR_COLUMN, column("2021年政府信息公开年报", "<div class=\"position\">当前位置：<a href=\"/index.html\">首页</a> &gt; "
                + "<a href=\"../index.html\">政府信息公开年报</a> &gt; 2021年政府信息公开年报</div>\n<h2>2021年政府信息公开年报</h2>\n"
                + Html.nav("市本级", "sbj/index.html", "市政府部门", "bm/index.html", "县（市）区", "qx/index.html")));
        reports2021();
        reports2020();
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public Site site(Duration delay) {
        return FixturePortals.site(SITE, CITY, content.url("/"), HOST, delay, List.of("政府信息公开", "政府信息公开年报"));
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

    private void reports2021() {
        String dir = NB + "2021/";
        // The city's own report, the title naming the city alone: on time on 5 March.
        Html.Link city = article(dir + "sbj/202203/t20220305_1.html", "牡丹江市2021年政府信息公开工作年度报告", "2022-03-05",
                "牡丹江市人民政府办公室", cityText(2021), CITY, 2021);
        content.page(dir + "sbj/index.html", column("市本级", Html.list(List.of(city))));

        // A department on 5 February: late. Its page states the date only in the line under its title.
        String financeTitle = FINANCE + "2021年政府信息公开工作年度报告";
        String finance = dir + "bm/202202/t20220205_2.html";
        content.page(finance, Answer.html("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + financeTitle
                + "</title></head><body>\n<h1>" + financeTitle + "</h1>\n<div class=\"info\">2022-02-05 10:00\u3000来源：" + FINANCE
                + "</div>\n<div class=\"content\">\n" + Html.paragraphs(departmentText(FINANCE, 2021)) + "</div>\n</body></html>\n"));
        content.report(FINANCE, 2021, financeTitle, finance, List.of(finance), List.of(), Reach.REACHABLE);
        // A department's PDF linked straight from the list, dated only there, on 8 February: late.
        String educationTitle = EDUCATION + "2021年政府信息公开工作年度报告";
        String education = dir + "bm/202202/P020220208100000001.pdf";
        content.page(education, Answer.ok("application/pdf", Sources.bytes("reports/generated/004_15d564b43078fcdc.pdf")));
        content.report(EDUCATION, 2021, educationTitle, null, List.of(education), List.of(), Reach.REACHABLE);
        // A department on 28 January: on time.
        Html.Link environment = article(dir + "bm/202201/t20220128_3.html", ENVIRONMENT + "2021年政府信息公开工作年度报告",
                "2022-01-28", ENVIRONMENT, departmentText(ENVIRONMENT, 2021), ENVIRONMENT, 2021);
        content.page(dir + "bm/index.html", column("市政府部门", Html.list(List.of(
                new Html.Link("./202202/t20220205_2.html", financeTitle, "2022-02-05"),
                new Html.Link("./202202/P020220208100000001.pdf", educationTitle, "2022-02-08"),
                relative(environment, dir + "bm/")))));

        // A district on 12 April: late, though a government has until 31 March. Its office prints the full name.
        Html.Link dongan = article(dir + "qx/202204/t20220412_4.html", "东安区2021年政府信息公开工作年度报告", "2022-04-12",
                "牡丹江市东安区人民政府办公室", districtText("东安区", 2021), DONGAN, 2021);
        content.page(dir + "qx/index.html", column("县（市）区", Html.list(List.of(relative(dongan, dir + "qx/")))));
    }

    /** 2020: every body reported; the 司法局 and 阳明区 not again for 2021. */
    private void reports2020() {
        String dir = NB + "2020/";
        List<Html.Link> links = new ArrayList<>();
        links.add(article(dir + "202103/t20210325_11.html", "牡丹江市2020年政府信息公开工作年度报告", "2021-03-25",
                "牡丹江市人民政府办公室", cityText(2020), CITY, 2020));
        links.add(article(dir + "202101/t20210120_12.html", JUSTICE + "2020年政府信息公开工作年度报告", "2021-01-20",
                JUSTICE, departmentText(JUSTICE, 2020), JUSTICE, 2020));
        links.add(article(dir + "202101/t20210125_13.html", FINANCE + "2020年政府信息公开工作年度报告", "2021-01-25",
                FINANCE, departmentText(FINANCE, 2020), FINANCE, 2020));
        links.add(article(dir + "202103/t20210310_14.html", "阳明区人民政府2020年政府信息公开工作年度报告", "2021-03-10",
                "阳明区人民政府办公室", districtText("阳明区", 2020), YANGMING, 2020));
        links.add(article(dir + "202103/t20210315_15.html", "东安区2020年政府信息公开工作年度报告", "2021-03-15",
                "牡丹江市东安区人民政府办公室", districtText("东安区", 2020), DONGAN, 2020));
        content.page(dir + "index.html", column("2020年政府信息公开年报", Html.list(links.stream().map(l -> relative(l, dir)).toList())));
    }

    /** An article with PubDate, the metadata table and its 发布机构; the report for agency, its text the page. */
    private Html.Link article(String path, String title, String date, String publisher, String text, String agency, int year) {
        content.page(path, Answer.html(Html.article("utf-8", where("政府信息公开年报"), title, date, publisher,
                "11231000/" + date.substring(0, 4) + "-" + Math.floorMod(path.hashCode(), 100000), "TRS_Editor", Html.paragraphs(text))));
        content.report(agency, year, title, path, List.of(path), List.of(), Reach.REACHABLE);
        return new Html.Link(path, title, date);
    }

    private static Html.Link relative(Html.Link link, String dir) {
        return new Html.Link("./" + link.href().substring(dir.length()), link.text(), link.date());
    }

    private static String cityText(int year) {
        return Sources.seedText(Sources.HARBIN_2021, year - 2021, names("哈尔滨", "牡丹江"));
    }

    private static String departmentText(String agency, int year) {
        return Sources.seedText(Sources.BUSINESS_BUREAU_2019, year - 2019, names("哈尔滨市营商环境建设监督局", agency, "哈尔滨", "牡丹江"));
    }

    private static String districtText(String district, int year) {
        return Sources.seedText(Sources.HULAN_2023, year - 2023, names("呼兰区", district, "哈尔滨", "牡丹江"));
    }

    /** Old name → new name pairs, replaced in this order. */
    private static Map<String, String> names(String... pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return names;
    }

    private Answer column(String columnName, String body) {
        return Answer.html(Html.column("utf-8", where(columnName), body));
    }

    private static Html.Where where(String column) {
        return new Html.Where(CITY, HOST, column);
    }
}
