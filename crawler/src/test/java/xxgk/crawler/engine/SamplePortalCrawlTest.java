package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.catalog.ReportOriginal;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.Extraction;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.demo.SamplePortal;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/** End to end: crawl the bundled multi-host sample portal, then read every archived original back. */
class SamplePortalCrawlTest {

    @TempDir
    static Path dir;
    static SamplePortal portal;
    static Archive archive;
    static CrawlRun run;
    static ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    static void crawl() throws IOException {
        portal = SamplePortal.start();
        archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
        List<Site> sites = portal.sites(Duration.ofMillis(20));
        Crawl.Options options = new Crawl.Options(4, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(50)),
                ResolveOverrides.parse(portal.resolveSpecs()), Duration.ofSeconds(30));
        try (TextExtractor extractor = new TextExtractor()) {
            run = new Crawl(archive, dir, extractor, new PrintStream(output, true, StandardCharsets.UTF_8)).run(sites, options);
        }
    }

    @AfterAll
    static void close() {
        archive.close();
        portal.close();
    }

    private static Map<String, Capture> latest() {
        return archive.captures().latestPerUrl(Optional.empty()).stream().collect(Collectors.toMap(Capture::url, c -> c));
    }

    @Test
    void everyServedDocumentIsArchivedByteForByte() throws IOException {
        Map<String, Capture> archived = latest();
        assertThat(portal.served()).isNotEmpty();
        for (Map.Entry<String, byte[]> served : portal.served().entrySet()) {
            Capture capture = archived.get(served.getKey());
            assertThat(capture).as(served.getKey()).isNotNull();
            assertThat(capture.status()).isEqualTo(200);
            try (InputStream in = archive.blobs().open(capture.sha256())) {
                assertThat(in.readAllBytes()).as(served.getKey()).isEqualTo(served.getValue());
            }
        }
    }

    @Test
    void attachmentsOfEveryFormatAreArchived() {
        Map<String, Long> types = latest().values().stream().filter(c -> c.status() == 200)
                .collect(Collectors.groupingBy(c -> c.url().replaceAll(".*\\.", ""), Collectors.counting()));
        assertThat(types).containsKeys("pdf", "docx", "doc", "html", "shtml");
    }

    @Test
    void robotsDisallowIsObeyedAndRecorded() {
        assertThat(portal.served().keySet()).noneMatch(u -> u.contains("/zwgk/preview/"));
        assertThat(latest().keySet()).noneMatch(u -> u.contains("/zwgk/preview/"));
        assertThat(run.problems()).anyMatch(p -> p.url().contains("/zwgk/preview/") && p.problem().contains("robots.txt"));
    }

    @Test
    void redirectsAreCapturedAndFollowed() {
        Capture redirect = latest().get(portal.url("www.harbin.gov.cn", "/zwgk/"));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.finalUrl()).isEqualTo(portal.url("www.harbin.gov.cn", "/zwgk/index.html"));
        assertThat(latest().get(redirect.finalUrl()).status()).isEqualTo(200);
    }

    @Test
    void aTransientServerErrorIsRetried() {
        assertThat(latest().get(portal.url("www.harbin.gov.cn", "/zwgk/zfxxgknb/szfbm/index.html")).status()).isEqualTo(200);
    }

    @Test
    void aMissingPageIsArchivedAsItsAnswerAndCountedAsAnError() {
        assertThat(latest().get(portal.url("www.harbin.gov.cn", "/zwgk/xxgkzn/index.html")).status()).isEqualTo(404);
        assertThat(run.tallies()).filteredOn(t -> t.site().equals("harbin")).first().satisfies(t -> assertThat(t.errors()).isEqualTo(1));
    }

    @Test
    void gbkPagesAndAttachmentsHaveTheirChineseText() {
        Capture gbkList = latest().get(portal.url("www.hulan.gov.cn", "/hebhlq/2023/zfxxgklby_zc.shtml"));
        Extraction listText = archive.texts().get(gbkList.sha256()).orElseThrow();
        assertThat(listText.charset()).contains("GB18030");
        assertThat(listText.text()).contains("呼兰区2023年政府信息公开工作年度报告");

        Capture pdf = latest().get(portal.url("www.harbin.gov.cn", "/zwgk/zfxxgknb/sbj/202203/P020220330604338716552.pdf"));
        assertThat(pdf.contentType()).isEqualTo("application/octet-stream"); // as the server said
        Extraction pdfText = archive.texts().get(pdf.sha256()).orElseThrow();
        assertThat(pdfText.mediaType()).isEqualTo("application/pdf"); // as the bytes are
        assertThat(pdfText.text()).contains("政府信息公开").contains("哈尔滨");
    }

    @Test
    void aDownloadServletsRawGbkFileNameIsKeptDecoded() {
        Capture download = latest().get(portal.url("www.suifenhe.gov.cn", "/module/download/downfile.jsp?classid=0&filename=2201201530452389.pdf"));
        assertThat(download.filename()).contains("绥芬河市人民政府2021年政府信息公开工作年度报告.pdf");
    }

    @Test
    void theFiveBundledReportsAreCataloguedWithTheirArticlesAndOriginals() {
        List<Report> reports = archive.catalog().reports(Optional.empty(), OptionalInt.empty());
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("5 reports (xxgk reports)");

        assertThat(reports).extracting(Report::site, Report::year, Report::title).containsExactly(
                tuple("harbin", 2019, "哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告"),
                tuple("harbin", 2021, "哈尔滨市2021年政府信息公开工作报告"),
                tuple("hulan", 2023, "呼兰区2023年政府信息公开工作年度报告"),
                tuple("nangang", 2021, "南岗区城管局2021年政府信息公开工作年度报告"),
                tuple("suifenhe", 2021, "绥芬河市人民政府2021年政府信息公开工作年度报告"));
        // The bodies covered: a title naming a place alone means its people's government, in full where the page prints it.
        assertThat(reports).extracting(Report::agency).containsExactly("哈尔滨市营商环境建设监督局", "哈尔滨市人民政府",
                "哈尔滨市呼兰区人民政府", "南岗区城管局", "绥芬河市人民政府");
        assertThat(reports).extracting(Report::publisher).containsExactly("哈尔滨市营商环境建设监督局", "哈尔滨市人民政府办公室",
                "哈尔滨市呼兰区人民政府办公室", "南岗区城管局", "绥芬河市人民政府办公室");
        assertThat(reports).extracting(Report::publishedSource).containsOnly("page");
        assertThat(reports).extracting(r -> r.published().orElseThrow().toString())
                .containsExactly("2020-01-21", "2022-03-30", "2024-01-26", "2022-01-25", "2022-01-20");
        for (Report r : reports) {
            assertThat(r.articleUrl()).as(r.title()).isPresent();
            assertThat(r.formats()).as(r.title()).containsExactlyInAnyOrder("HTML", "PDF", "DOCX", "DOC");
            assertThat(r.locations()).as(r.title()).hasSize(4).contains(r.articleUrl().get());
            for (ReportOriginal o : r.originals()) {
                assertThat(portal.served().get(o.url())).as(o.url()).isNotNull();
                assertThat(o.sha256()).isEqualTo(latest().get(o.url()).sha256());
            }
        }
        // GBK page, Hanweb list, download servlet: the 呼兰 and 绥芬河 documents all found their report.
        assertThat(reports.get(4).locations()).anyMatch(u -> u.contains("downfile.jsp"));
    }

    @Test
    void theReportsTablesAreParsedWhenTheCrawlEnds() {
        assertThat(output.toString(StandardCharsets.UTF_8)).containsPattern("tables of \\d+ new originals parsed");
        try (ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses())) {
            for (Report r : archive.catalog().reports(Optional.empty(), OptionalInt.empty())) {
                // Each report's data is the original that reads best; every one of the five prints table 三.
                assertThat(statistics.of(r)).as(r.title()).hasValueSatisfying(p -> assertThat(p.parse().cellCount()).isGreaterThan(150));
            }
        }
    }

    @Test
    void anchorsAreRecorded() {
        Capture pdf = latest().get(portal.url("www.harbin.gov.cn", "/zwgk/zfxxgknb/sbj/202203/P020220330604338716552.pdf"));
        assertThat(pdf.anchor()).contains("哈尔滨市2021年政府信息公开工作报告.pdf");
        assertThat(latest().get(portal.home()).anchor()).isEmpty();
    }

    @Test
    void theRunIsRecordedAsFinishedWithItsCounts() {
        assertThat(run.status()).isEqualTo(CrawlRun.Status.FINISHED);
        long pages = run.tallies().stream().mapToLong(t -> t.pages()).sum();
        assertThat(pages).isEqualTo(archive.captures().count());
        assertThat(dir.resolve("frontier")).doesNotExist();
    }
}
