package xxgk.archive.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.TextExtractor;

/**
 * The catalog over a real embedded archive: captures recorded as a crawl records them (bytes, capture, Tika text)
 * from portal-like pages and the seed reports' generated PDF and DOC files.
 */
class ReportCatalogTest {

    private static final String SITE = "hrb";
    private static final String HOST = "http://www.harbin.gov.cn";
    private static final String LIST = HOST + "/zwgk/zfxxgknb/sbj/index.html";
    private static final String ARTICLE = HOST + "/zwgk/zfxxgknb/sbj/202203/t20220330_1316457.html";
    private static final String PDF = HOST + "/zwgk/zfxxgknb/sbj/202203/P020220330604338716552.pdf";
    private static final String DOC = HOST + "/zwgk/zfxxgknb/sbj/202203/P020220330604339208123.doc";
    private static final String TITLE = "哈尔滨市2021年政府信息公开工作报告";

    static TextExtractor extractor;

    @TempDir
    Path dir;
    Archive archive;
    Instant clock = Instant.parse("2024-03-01T00:00:00Z");
    int files;

    @BeforeAll
    static void tika() {
        extractor = new TextExtractor();
    }

    @AfterAll
    static void closeTika() {
        extractor.close();
    }

    @BeforeEach
    void open() {
        archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()));
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private void capture(String site, String url, int status, byte[] body, String contentType, String foundOn, String anchor)
            throws IOException {
        capture(site, url, status, body, List.of(new HttpHeader("Content-Type", contentType)), foundOn, anchor);
    }

    private void capture(String site, String url, int status, byte[] body, List<HttpHeader> headers, String foundOn, String anchor)
            throws IOException {
        String contentType = headers.stream().filter(h -> h.name().equals("Content-Type")).findFirst().orElseThrow().value();
        Path file = Files.write(dir.resolve("body" + files++), body);
        String sha = Sha256.of(body);
        archive.blobs().put(file, sha, body.length);
        clock = clock.plusSeconds(1);
        archive.captures().record(new Capture(null, url, url, status, headers, clock,
                sha, body.length, contentType, site, "r1", Optional.ofNullable(foundOn), Optional.empty(), Optional.ofNullable(anchor), "GET"));
        if (status == 200 && !archive.texts().contains(sha)) {
            archive.texts().put(sha, extractor.extract(file, url.substring(url.lastIndexOf('/') + 1)));
        }
    }

    private void capture(String url, byte[] body, String contentType, String foundOn, String anchor) throws IOException {
        capture(SITE, url, 200, body, contentType, foundOn, anchor);
    }

    private void redirect(String url, String to, String foundOn, String anchor) {
        clock = clock.plusSeconds(1);
        archive.captures().record(new Capture(null, url, to, 302, List.of(new HttpHeader("Location", to)), clock,
                Sha256.of(new byte[0]), 0, "", SITE, "r1", Optional.ofNullable(foundOn), Optional.empty(), Optional.ofNullable(anchor), "GET"));
    }

    /** A page in the manner of the portals: meta tags, the metadata table, heading, date line, body, attachments. */
    private static byte[] article(String title, String publisher, String pubDate, String body, Map<String, String> attachments) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<title>").append(title).append("_市本级政府信息公开年报专栏_哈尔滨市人民政府</title>")
                .append("<meta name=\"SiteName\" content=\"哈尔滨市人民政府\">")
                .append("<meta name=\"ArticleTitle\" content=\"").append(title).append("\">")
                .append("<meta name=\"PubDate\" content=\"").append(pubDate).append(" 16:42\"></head><body>")
                .append("<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zwgk/zfxxgknb/index.html\">政府信息公开年报</a></div>")
                .append("<table class=\"xxgk-meta\"><tr><td>索引号：</td><td>012837276/2022-00118</td></tr>")
                .append("<tr><td>发布机构：</td><td>").append(publisher).append("</td><td>发文日期：</td><td>").append(pubDate).append("</td></tr>")
                .append("<tr><td>名　　称：</td><td colspan=\"3\">").append(title).append("</td></tr></table>")
                .append("<h1>").append(title).append("</h1><div class=\"info\">发布时间：").append(pubDate).append("</div><div id=\"zoom\">");
        for (String line : body.split("\n")) {
            html.append("<p>").append(Entities.escape(line)).append("</p>");
        }
        html.append("</div><div class=\"attach\">");
        attachments.forEach((href, anchor) -> html.append("<p><a href=\"").append(href).append("\">").append(anchor).append("</a></p>"));
        return html.append("</div></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] listPage(String title, Map<String, String> links) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("_哈尔滨市人民政府</title><meta name=\"SiteName\" content=\"哈尔滨市人民政府\"></head><body><ul>");
        links.forEach((href, anchor) -> html.append("<li><a href=\"").append(href).append("\">").append(anchor).append("</a></li>"));
        return html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] generated(String seed, String extension) {
        return SeedTexts.bytes("reports/generated/" + seed + "." + extension);
    }

    /** The 哈尔滨 report as its portal publishes it: list → article (the report in HTML) → PDF and DOC. */
    private void harbinReport() throws IOException {
        capture(LIST, listPage("市本级政府信息公开年报专栏", Map.of(ARTICLE, TITLE)), "text/html", null, null);
        capture(ARTICLE, article(TITLE, "哈尔滨市人民政府办公室", "2022-03-30", SeedTexts.text(SeedTexts.HARBIN),
                Map.of(PDF, TITLE + ".pdf", DOC, TITLE + ".doc")), "text/html; charset=utf-8", LIST, TITLE);
        capture(PDF, generated(SeedTexts.HARBIN, "pdf"), "application/octet-stream", ARTICLE, TITLE + ".pdf");
        capture(DOC, generated(SeedTexts.HARBIN, "doc"), "application/msword", ARTICLE, TITLE + ".doc");
    }

    private List<Report> refresh() {
        return archive.catalog().refresh(List.of(SITE));
    }

    @Test
    void anArticleAndItsAttachmentsAreOneReport() throws IOException {
        harbinReport();
        List<Report> reports = refresh();

        assertThat(reports).hasSize(1);
        Report r = reports.get(0);
        assertThat(r.id()).matches("hrb/2021/[0-9a-f]{10}");
        assertThat(r.site()).isEqualTo(SITE);
        assertThat(r.title()).isEqualTo(TITLE);
        // The title names the city alone: the report covers its people's government; the 发布机构 published it.
        assertThat(r.agency()).isEqualTo("哈尔滨市人民政府");
        assertThat(r.publisher()).isEqualTo("哈尔滨市人民政府办公室");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.published()).contains(LocalDate.of(2022, 3, 30));
        assertThat(r.publishedSource()).isEqualTo("page");
        assertThat(r.articleUrl()).contains(ARTICLE);
        assertThat(r.formats()).containsExactly("HTML", "PDF", "DOC");
        assertThat(r.originals()).extracting(ReportOriginal::url).containsExactly(ARTICLE, PDF, DOC);
        // The PDF was served as application/octet-stream: the catalog gives the type its bytes have.
        assertThat(r.originals().get(1).contentType()).isEqualTo("application/pdf");
        assertThat(r.originals().get(1).filename()).contains("P020220330604338716552.pdf");
        assertThat(r.locations()).containsExactly(PDF, DOC, ARTICLE);
        assertThat(archive.catalog().reports(Optional.of(SITE), OptionalInt.empty())).isEqualTo(reports);
    }

    @Test
    void reprintsAndRedirectsAreLocationsOfOneReport() throws IOException {
        harbinReport();
        String samePdf = HOST + "/zwgk/xxgkml/P0.pdf";
        String reprint = HOST + "/zwgk/xxgkml/202204/t20220401_1.html";
        String oldWps = HOST + "/attach/old.wps";
        String wps = HOST + "/zwgk/zfxxgknb/sbj/202203/P020220330604339532877.wps";
        capture(samePdf, generated(SeedTexts.HARBIN, "pdf"), "application/pdf", LIST, TITLE);
        capture(reprint, article(TITLE, "哈尔滨市人民政府办公室", "2022-04-01", "（转载）", Map.of()), "text/html", LIST, TITLE);
        // A WPS file is Word 97 inside; the portal moved it, and the old link redirects.
        redirect(oldWps, wps, ARTICLE, TITLE + ".wps");
        capture(wps, generated("synthetic-fmt2021", "doc"), "application/octet-stream", ARTICLE, TITLE + ".wps");

        List<Report> reports = refresh();

        assertThat(reports).hasSize(1);
        Report r = reports.get(0);
        assertThat(r.articleUrl()).contains(ARTICLE); // the first published
        assertThat(r.locations()).containsExactlyInAnyOrder(ARTICLE, PDF, DOC, samePdf, reprint, oldWps, wps);
        assertThat(r.originals()).extracting(ReportOriginal::url).containsExactly(ARTICLE, PDF, DOC, wps);
        assertThat(r.formats()).containsExactly("HTML", "PDF", "DOC", "WPS");
    }

    @Test
    void aPageTooLargeToReadAsAnArticleIsNoReportAndTheOthersAreStillFound() throws IOException {
        harbinReport();
        // Over 4 MB and naming a 报告: recognition once threw on it, and the site got no catalogue at all.
        String huge = HOST + "/zwgk/huge.html";
        byte[] body = ("<html><body><h1>工作报告</h1>" + "<p>年报</p>".repeat(600_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
        capture(huge, body, "text/html", LIST, "工作报告");

        List<Report> reports = refresh();

        assertThat(reports).extracting(Report::title).containsExactly(TITLE);
    }

    @Test
    void anAttachmentLinkedAloneIsAReportWithoutArticle() throws IOException {
        String list = HOST + "/zwgk/zfxxgknb/qx/index.html";
        String pdf = HOST + "/zwgk/zfxxgknb/qx/P1.pdf";
        capture(list, listPage("区、县（市）政府信息公开年度报告", Map.of(pdf, "点击下载")), "text/html", null, null);
        capture(pdf, generated(SeedTexts.SUIFENHE, "pdf"), "application/pdf", list, "点击下载");

        Report r = refresh().get(0);

        assertThat(r.articleUrl()).isEmpty();
        assertThat(r.title()).isEqualTo("绥芬河市人民政府2021年政府信息公开工作年度报告"); // as printed at its head
        assertThat(r.year()).isEqualTo(2021);
        // No page says, the list prints no date beside the link, this PDF prints none, its server sent no
        // Last-Modified: the archive's first capture is all there is (2024-03-01, in China).
        assertThat(r.published()).contains(LocalDate.of(2024, 3, 1));
        assertThat(r.publishedSource()).isEqualTo("captured");
        assertThat(r.agency()).isEqualTo("绥芬河市人民政府");
        assertThat(r.publisher()).isEmpty();
        assertThat(r.locations()).containsExactly(pdf);
        assertThat(r.formats()).containsExactly("PDF");
    }

    @Test
    void aZipWhoseMemberIsNamedAsAReportButHoldsNoneIsNoReport() throws IOException {
        harbinReport();
        // The hostile site's bomb: one member named as a report, holding filler. Its text begins with that name, which
        // was read as the title printed at its head: a report of no agency.
        String zip = HOST + "/zwgk/zfxxgknb/bomb.zip";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new java.util.zip.ZipEntry("2023年政府信息公开工作年度报告.txt"));
            out.write("a".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        capture(LIST, listPage("政府信息公开年报", Map.of(ARTICLE, TITLE, zip, "年报")), "text/html", null, null);
        capture(zip, bytes.toByteArray(), "application/zip", LIST, "年报");

        assertThat(refresh()).extracting(Report::title).containsExactly(TITLE);
    }

    @Test
    void decoysAreNotReports() throws IOException {
        String yearColumn = HOST + "/zwgk/zfxxgknb/2021/index.html";
        String news = HOST + "/xwzx/t20220110_1.html";
        String template = HOST + "/xwzx/P_template.doc";
        String guide = HOST + "/zwgk/xxgkzn/index.html";
        String budget = HOST + "/zwgk/czyjs/P_budget.pdf";
        String blank = HOST + "/zwgk/zfxxgknb/t20230101_blank.html";
        String rule = HOST + "/zwgk/fzzfjs/t20220301_1.html";
        capture(LIST, listPage("政府信息公开年报", Map.of(yearColumn, "2021年政府信息公开年报", budget, "哈尔滨市2021年部门预算.pdf",
                news, "哈尔滨市召开2021年度政府信息公开年报编制培训会", guide, "政府信息公开指南", blank, "哈尔滨市2022年政府信息公开工作年度报告",
                rule, "哈尔滨市2021年法治政府建设年度报告")), "text/html", null, null);
        // A per-year column: its title looks like a report's, but it lists one and is no article.
        capture(yearColumn, listPage("2021年政府信息公开年报", Map.of(ARTICLE, TITLE)), "text/html", LIST, "2021年政府信息公开年报");
        capture(ARTICLE, article(TITLE, "哈尔滨市人民政府办公室", "2022-03-30", SeedTexts.text(SeedTexts.HARBIN), Map.of()),
                "text/html", yearColumn, TITLE);
        capture(news, article("哈尔滨市召开2021年度政府信息公开年报编制培训会", "哈尔滨市政务公开办公室", "2022-01-10",
                "会议要求各单位按照年度报告格式编制2021年政府信息公开工作年度报告。", Map.of(template, "2021年政府信息公开工作年度报告模板.doc")),
                "text/html", LIST, "哈尔滨市召开2021年度政府信息公开年报编制培训会");
        capture(template, generated(SeedTexts.NANGANG, "doc"), "application/msword", news, "2021年政府信息公开工作年度报告模板.doc");
        capture(guide, article("哈尔滨市人民政府政府信息公开指南", "哈尔滨市人民政府办公室", "2021-06-01",
                "政府信息公开年度报告在政府信息公开年报专栏发布。", Map.of()), "text/html", LIST, "政府信息公开指南");
        capture(budget, generated(SeedTexts.YSHJ, "pdf"), "application/pdf", LIST, "哈尔滨市2021年部门预算.pdf");
        capture(blank, article("哈尔滨市2022年政府信息公开工作年度报告", "哈尔滨市人民政府办公室", "2023-01-01",
                SeedTexts.blankFormat(SeedTexts.HARBIN), Map.of()), "text/html", LIST, "哈尔滨市2022年政府信息公开工作年度报告");
        capture(rule, article("哈尔滨市2021年法治政府建设年度报告", "哈尔滨市司法局", "2022-03-01", "法治政府建设年度报告。", Map.of()),
                "text/html", LIST, "哈尔滨市2021年法治政府建设年度报告");

        assertThat(refresh()).extracting(Report::title).containsExactly(TITLE);
    }

    @Test
    void refreshIsIdempotentKeepsIdsAndMarksWhatDisappearedRemoved() throws IOException {
        capture("other", "http://www.hulan.gov.cn/nb.pdf", 200, generated(SeedTexts.HULAN, "pdf"), "application/pdf", null,
                "呼兰区2023年政府信息公开工作年度报告");
        assertThat(archive.catalog().refresh(List.of("other"))).hasSize(1);
        harbinReport();
        List<Report> first = refresh();
        assertThat(refresh()).isEqualTo(first);

        // A re-crawl fetches the same report again: same id.
        capture(ARTICLE, article(TITLE, "哈尔滨市人民政府办公室", "2022-03-30", SeedTexts.text(SeedTexts.HARBIN) + "\n（更新）",
                Map.of(PDF, TITLE + ".pdf", DOC, TITLE + ".doc")), "text/html", LIST, TITLE);
        assertThat(refresh()).extracting(Report::id).isEqualTo(first.stream().map(Report::id).toList());

        // Then the report is withdrawn: its URLs answer 404. It stays, marked removed, with the evidence.
        for (String url : List.of(PDF, DOC, ARTICLE)) {
            capture(SITE, url, 404, "<html><title>404</title></html>".getBytes(StandardCharsets.UTF_8), "text/html", LIST, null);
        }
        Instant withdrawn = clock; // the article's 404: the evidence
        List<Report> after = refresh();
        assertThat(after).extracting(Report::id).isEqualTo(first.stream().map(Report::id).toList());
        assertThat(after.get(0).status()).isEqualTo(Report.Status.REMOVED);
        assertThat(after.get(0).removedAt().orElseThrow().at()).isEqualTo(withdrawn);
        assertThat(after.get(0).removedAt().orElseThrow().evidence()).isEqualTo("HTTP 404 at " + ARTICLE);
        assertThat(refresh()).isEqualTo(after);
        assertThat(archive.catalog().reports(Optional.empty(), OptionalInt.empty())).extracting(Report::site).containsExactly("hrb", "other");
        assertThat(archive.catalog().changes().since(Optional.empty(), Optional.of(SITE))).extracting(ReportChange::kind)
                .containsExactly(ReportChange.Kind.NEW, ReportChange.Kind.CHANGED, ReportChange.Kind.REMOVED); // the article's text was updated

        // It comes back: the same report, current again.
        harbinReport();
        assertThat(refresh()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(first.get(0).id());
            assertThat(r.status()).isEqualTo(Report.Status.CURRENT);
        });
        assertThat(archive.catalog().changes().since(Optional.empty(), Optional.of(SITE))).extracting(ReportChange::kind)
                .containsExactly(ReportChange.Kind.NEW, ReportChange.Kind.CHANGED, ReportChange.Kind.REMOVED, ReportChange.Kind.RESTORED);
    }

    @Test
    void aReportTheListNoLongerLinksIsRemovedAndANewPdfIsAVersion() throws IOException {
        capture(LIST, listPage("政府信息公开年报", Map.of(ARTICLE, TITLE)), "text/html", null, null);
        harbinReport();
        Report first = refresh().get(0);
        assertThat(first.versions()).extracting(ReportVersion::url).containsExactlyInAnyOrder(ARTICLE, PDF, DOC);

        // A corrected PDF at the same URL: a second version of it, the first kept.
        capture(PDF, generated(SeedTexts.HULAN, "pdf"), "application/pdf", ARTICLE, TITLE + ".pdf");
        Report corrected = refresh().get(0);
        assertThat(corrected.id()).isEqualTo(first.id());
        assertThat(corrected.versions()).filteredOn(v -> v.url().equals(PDF)).hasSize(2);
        ReportChange changed = archive.catalog().changes().since(Optional.empty(), Optional.of(SITE)).get(1);
        assertThat(changed.kind()).isEqualTo(ReportChange.Kind.CHANGED);
        assertThat(changed.url()).isEqualTo(PDF);
        assertThat(changed.oldSha256()).contains(Sha256.of(generated(SeedTexts.HARBIN, "pdf")));

        // The list is fetched again and no longer links the article, which was not asked for again.
        capture(LIST, listPage("政府信息公开年报", Map.of()), "text/html", null, null);
        Report gone = refresh().get(0);
        assertThat(gone.status()).isEqualTo(Report.Status.REMOVED);
        assertThat(gone.removedAt().orElseThrow().evidence()).isEqualTo("no longer linked from " + LIST);
    }

    @Test
    void twoReportsOfOneAgencyInOneYearHaveDistinctIds() throws IOException {
        harbinReport();
        String second = HOST + "/zwgk/zfxxgknb/sbj/202205/t20220510_2.html";
        String secondTitle = "哈尔滨市2021年政府信息公开工作报告（补充说明）";
        capture(second, article(secondTitle, "哈尔滨市人民政府办公室", "2022-05-10", "补充说明。", Map.of()), "text/html", LIST, secondTitle);
        capture(HOST + "/2019.pdf", generated(SeedTexts.YSHJ, "pdf"), "application/pdf", LIST, "哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告");

        List<Report> reports = refresh();

        assertThat(reports).extracting(Report::title).containsExactly("哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告", TITLE, secondTitle);
        assertThat(reports.get(1).id()).matches("hrb/2021/[0-9a-f]{10}/[0-9a-f]{8}");
        assertThat(reports.get(2).id()).startsWith(reports.get(1).id().substring(0, 20)).isNotEqualTo(reports.get(1).id());
        assertThat(archive.catalog().reports(Optional.of(SITE), OptionalInt.of(2019))).extracting(Report::year).containsExactly(2019);
    }

    @Test
    void theJsonShape() throws IOException {
        harbinReport();
        var json = ReportsJson.toJson(refresh().get(0));
        assertThat(json.fieldNames()).toIterable().containsExactly("id", "site", "agency", "year", "title", "published",
                "published_source", "publisher", "article_url", "formats", "originals", "locations", "status", "removed_at", "versions");
        assertThat(json.get("status").asText()).isEqualTo("current");
        assertThat(json.get("removed_at").isNull()).isTrue();
        assertThat(json.get("versions").get(0).fieldNames()).toIterable().containsExactly("url", "sha256", "first_seen", "last_seen");
        assertThat(json.get("published").asText()).isEqualTo("2022-03-30");
        assertThat(json.get("published_source").asText()).isEqualTo("page");
        assertThat(json.get("publisher").asText()).isEqualTo("哈尔滨市人民政府办公室");
        assertThat(json.get("originals").get(1).fieldNames()).toIterable().containsExactly("url", "sha256", "content_type", "filename");
    }

    @Test
    void aReportBefore2019WithoutTablesHasItsCommonFiguresAsData() throws IOException {
        String title = "海南省药品监督管理局2014年政府信息公开工作年度报告";
        String page = HOST + "/zwgk/zfxxgknb/2015/t20150128_2510919.html";
        String text = new String(SeedTexts.bytes("reports/pre2019/hainan-2014.txt"), StandardCharsets.UTF_8);
        capture(page, article(title, "海南省药品监督管理局", "2015-01-28", text, Map.of()), "text/html", LIST, title);
        List<Report> reports = refresh();
        assertThat(reports).singleElement().extracting(Report::year).isEqualTo(2014);

        try (ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses())) {
            statistics.parse(reports, false);
            ReportStatistics.Parsed data = statistics.of(reports.get(0)).orElseThrow();
            assertThat(data.parse().cellCount()).isZero();
            assertThat(data.row(reports.get(0)).cells()).containsEntry("common_applications_received", new java.math.BigDecimal(12));
            assertThat(ReportsJson.toJson(reports.get(0), Optional.of(data), List.of()).get("commonFigures")
                    .get("applications_received").get("value").asInt()).isEqualTo(12);
        }
    }

    @Test
    void consecutiveYearsOfOneAgencyAreComparedByTheCrossYearRules() throws IOException {
        // The 呼兰 2023 report carries 1 request to next year; reprinted as 2022, its 2023 successor received 0 from it.
        String text = SeedTexts.text(SeedTexts.HULAN);
        String title2023 = "呼兰区2023年政府信息公开工作年度报告";
        String title2022 = "呼兰区2022年政府信息公开工作年度报告";
        String page2023 = HOST + "/zwgk/zfxxgknb/2024/t1.html";
        String page2022 = HOST + "/zwgk/zfxxgknb/2023/t2.html";
        capture(LIST, listPage("政府信息公开年报", Map.of(page2023, title2023, page2022, title2022)), "text/html", null, null);
        capture(page2023, article(title2023, "哈尔滨市呼兰区人民政府办公室", "2024-01-26", text, Map.of()), "text/html", LIST, title2023);
        capture(page2022, article(title2022, "哈尔滨市呼兰区人民政府办公室", "2023-01-20", text.replace(title2023, title2022), Map.of()),
                "text/html", LIST, title2022);
        List<Report> reports = refresh();
        assertThat(reports).extracting(Report::year).containsExactlyInAnyOrder(2022, 2023);

        try (ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses())) {
            assertThat(statistics.parse(reports, false)).isEqualTo(2);
            Report later = reports.stream().filter(r -> r.year() == 2023).findFirst().orElseThrow();
            Report earlier = reports.stream().filter(r -> r.year() == 2022).findFirst().orElseThrow();

            assertThat(statistics.acrossYears(later, statistics.of(later), reports)).extracting(xxgk.archive.report.Warning::id).contains("carried_over");
            assertThat(statistics.acrossYears(earlier, statistics.of(earlier), reports)).isEmpty();
            var json = ReportsJson.toJson(later, statistics.of(later), statistics.acrossYears(later, statistics.of(later), reports));
            assertThat(json.get("format").asText()).isEqualTo("fmt2021");
            assertThat(json.get("warnings").toString()).contains("carried_over", "自然人 1 → 0");
        }
    }

    /** A page with none of the portals' metadata: a heading, what the portal prints under it, the body, attachments. */
    private static byte[] plainArticle(String title, String underTitle, String body, Map<String, String> attachments) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1>").append(underTitle).append("<div id=\"zoom\">");
        for (String line : body.split("\n")) {
            html.append("<p>").append(Entities.escape(line)).append("</p>");
        }
        attachments.forEach((href, anchor) -> html.append("<p><a href=\"").append(href).append("\">").append(anchor).append("</a></p>"));
        return html.append("</div></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A list whose entries print a date beside the link, as portals' lists do: href → {text, date}. */
    private static byte[] datedList(String title, Map<String, List<String>> entries) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head><body><ul class=\"list\">");
        entries.forEach((href, textAndDate) -> html.append("<li><a href=\"").append(href).append("\">").append(textAndDate.get(0))
                .append("</a><span class=\"date\">").append(textAndDate.get(1)).append("</span></li>"));
        return html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Report only(List<Report> reports, String title) {
        return reports.stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no report " + title));
    }

    @Test
    void theAgencyIsTheBodyCoveredNamedInFullOnlyWherePrinted() throws IOException {
        String nangang = HOST + "/qx/202203/t1.html";
        String xiangfang = HOST + "/qx/202203/t2.html";
        String unnamed = HOST + "/sbj/202203/t3.html";
        String bureau = HOST + "/bm/202201/t4.html";
        String body = SeedTexts.text(SeedTexts.HARBIN);
        capture(LIST, listPage("政府信息公开年报", Map.of(nangang, "南岗区2021年政府信息公开工作年度报告", xiangfang, "香坊区2021年政府信息公开工作年度报告",
                unnamed, "2021年度政府信息公开工作年度报告", bureau, "哈尔滨市营商环境建设监督局2021年政府信息公开工作年度报告")), "text/html", null, null);
        // The 发布机构 prints the district's full name; the other district's office does not.
        capture(nangang, article("南岗区2021年政府信息公开工作年度报告", "哈尔滨市南岗区人民政府办公室", "2022-03-20", body, Map.of()),
                "text/html", LIST, "南岗区2021年政府信息公开工作年度报告");
        capture(xiangfang, article("香坊区2021年政府信息公开工作年度报告", "香坊区人民政府办公室", "2022-03-21", body, Map.of()),
                "text/html", LIST, "香坊区2021年政府信息公开工作年度报告");
        // A title naming no one: the government's office published it for the government.
        capture(unnamed, article("2021年度政府信息公开工作年度报告", "哈尔滨市人民政府办公厅", "2022-03-22", body, Map.of()),
                "text/html", LIST, "2021年度政府信息公开工作年度报告");
        capture(bureau, article("哈尔滨市营商环境建设监督局2021年政府信息公开工作年度报告", "哈尔滨市营商环境建设监督局", "2022-01-20", body,
                Map.of()), "text/html", LIST, "哈尔滨市营商环境建设监督局2021年政府信息公开工作年度报告");

        List<Report> reports = refresh();

        assertThat(reports).extracting(Report::agency, Report::publisher).containsExactlyInAnyOrder(
                tuple("哈尔滨市南岗区人民政府", "哈尔滨市南岗区人民政府办公室"),
                tuple("香坊区人民政府", "香坊区人民政府办公室"),
                tuple("哈尔滨市人民政府", "哈尔滨市人民政府办公厅"),
                tuple("哈尔滨市营商环境建设监督局", "哈尔滨市营商环境建设监督局"));
    }

    @Test
    void publishedIsWhatThePortalStatesElseTheDocumentElseTheServerElseTheArchive() throws IOException {
        String dateLine = HOST + "/nb/202401/t1.html";
        String listed = HOST + "/nb/P2.pdf";
        String printed = HOST + "/nb/202203/t3.html";
        String modified = HOST + "/nb/P4.pdf";
        String listedTitle = "哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告";
        String modifiedTitle = "南岗区城管局2021年政府信息公开工作年度报告";
        capture(LIST, datedList("政府信息公开年报", Map.of(
                dateLine, List.of("呼兰区2023年政府信息公开工作年度报告", ""),
                listed, List.of(listedTitle, "2020-02-03"),
                printed, List.of(TITLE, ""),
                modified, List.of(modifiedTitle, ""))), "text/html", null, null);
        // No metadata, but the date line a portal prints under the title.
        capture(dateLine, plainArticle("呼兰区2023年政府信息公开工作年度报告", "<div class=\"info\">2024-01-26 10:00\u3000来源：哈尔滨市呼兰区人民政府办公室</div>",
                SeedTexts.text(SeedTexts.HULAN), Map.of()), "text/html", LIST, "呼兰区2023年政府信息公开工作年度报告");
        // A PDF linked straight from the list: the date beside its link.
        capture(listed, generated(SeedTexts.YSHJ, "pdf"), "application/pdf", LIST, listedTitle);
        // Nothing on the page or the list: the report prints its date under its title.
        capture(printed, plainArticle(TITLE, "", TITLE + "\n2022年3月30日\n" + SeedTexts.text(SeedTexts.HARBIN), Map.of()),
                "text/html", LIST, TITLE);
        // Nothing stated anywhere, but the server said when the file last changed (08:00 in China is the next day).
        capture(SITE, modified, 200, generated(SeedTexts.NANGANG, "pdf"), List.of(new HttpHeader("Content-Type", "application/pdf"),
                new HttpHeader("Last-Modified", "Tue, 25 Jan 2022 16:30:00 GMT")), LIST, modifiedTitle);

        List<Report> reports = refresh();

        assertThat(only(reports, "呼兰区2023年政府信息公开工作年度报告")).extracting(r -> r.published().orElseThrow(), Report::publishedSource)
                .containsExactly(LocalDate.of(2024, 1, 26), "page");
        assertThat(only(reports, listedTitle)).extracting(r -> r.published().orElseThrow(), Report::publishedSource)
                .containsExactly(LocalDate.of(2020, 2, 3), "list");
        assertThat(only(reports, TITLE)).extracting(r -> r.published().orElseThrow(), Report::publishedSource)
                .containsExactly(LocalDate.of(2022, 3, 30), "document");
        assertThat(only(reports, modifiedTitle)).extracting(r -> r.published().orElseThrow(), Report::publishedSource)
                .containsExactly(LocalDate.of(2022, 1, 26), "last_modified");
    }

    @Test
    void theFirstCaptureDatesAReportNothingElseDates() throws IOException {
        String list = HOST + "/zwgk/zfxxgknb/qx/index.html";
        String pdf = HOST + "/zwgk/zfxxgknb/qx/P1.pdf";
        capture(list, listPage("区、县（市）政府信息公开年度报告", Map.of(pdf, "点击下载")), "text/html", null, null);
        capture(pdf, generated(SeedTexts.SUIFENHE, "pdf"), "application/pdf", list, "点击下载");
        clock = Instant.parse("2025-06-01T00:00:00Z");
        capture(pdf, generated(SeedTexts.SUIFENHE, "pdf"), "application/pdf", list, "点击下载");

        // Re-crawled a year later: the report was there at the first capture.
        assertThat(refresh()).singleElement().satisfies(r -> assertThat(r.published()).contains(LocalDate.of(2024, 3, 1)));
    }

    @Test
    void aYearColumnThatOnlyLinksSubColumnsIsNotAReport() throws IOException {
        String year = HOST + "/zwgk/zfxxgknb/2021/index.html";
        String city = HOST + "/zwgk/zfxxgknb/2021/sbj/index.html";
        String departments = HOST + "/zwgk/zfxxgknb/2021/bm/index.html";
        capture(LIST, listPage("政府信息公开年报", Map.of(year, "2021年政府信息公开年报")), "text/html", null, null);
        // Its breadcrumb and heading print its title, so its text reads like a report's; its links lead to columns.
        capture(year, ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>2021年政府信息公开年报_哈尔滨市人民政府</title></head><body>"
                + "<div class=\"position\">当前位置：<a href=\"" + LIST + "\">政府信息公开年报</a> &gt; 2021年政府信息公开年报</div>"
                + "<h2>2021年政府信息公开年报</h2><ul><li><a href=\"" + city + "\">市本级</a></li><li><a href=\"" + departments
                + "\">市政府部门</a></li></ul><div class=\"footer\">主办：哈尔滨市人民政府办公厅</div></body></html>").getBytes(StandardCharsets.UTF_8),
                "text/html", LIST, "2021年政府信息公开年报");
        capture(city, listPage("市本级", Map.of()), "text/html", year, "市本级");
        capture(departments, listPage("市政府部门", Map.of()), "text/html", year, "市政府部门");

        assertThat(refresh()).isEmpty();
    }

    @Test
    void moreReportsThanABatchAreHandedOverOneAtATimeInListingOrder() throws IOException {
        for (int n = 0; n < 1100; n++) {
            String title = "哈尔滨市第" + (n % 550 + 1) + "中学" + (2020 + n / 550) + "年政府信息公开工作年度报告";
            String url = HOST + "/zwgk/zfxxgknb/xx/t" + n + ".html";
            capture(url, article(title, "哈尔滨市第" + (n % 550 + 1) + "中学", "2022-03-30", "一、总体情况\n本年度主动公开政府信息" + n + "条。",
                    Map.of()), "text/html; charset=utf-8", LIST, title);
        }
        List<Report> sorted = refresh();
        assertThat(sorted).hasSize(1100);

        List<Report> handed = new ArrayList<>();
        archive.catalog().forEach(Optional.of(SITE), OptionalInt.empty(), handed::add);
        assertThat(handed).isEqualTo(sorted);
        List<Report> of2021 = new ArrayList<>();
        archive.catalog().forEach(Optional.empty(), OptionalInt.of(2021), of2021::add);
        assertThat(of2021).hasSize(550).isEqualTo(sorted.stream().filter(r -> r.year() == 2021).toList());
    }
}
