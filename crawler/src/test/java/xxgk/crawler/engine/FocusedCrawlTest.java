package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * Focused crawls of a generated portal over real HTTP: a 年报 column three clicks from the home page, a news section
 * of 200 list pages and 4,000 articles, interaction and service sections, and a column reachable only by following
 * the link texts of a configured path.
 */
class FocusedCrawlTest {

    /** Reports in the 年报 column: three list pages of ten, each an article with a PDF. */
    private static final int REPORTS = 30;
    private static final int NEWS_PAGES = 200;
    private static final int NEWS_PER_PAGE = 20;

    @TempDir
    static Path dir;
    static MockWebServer server;
    static Archive archive;
    static TextExtractor extractor;

    @BeforeAll
    static void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Portal());
        server.start(InetAddress.getLoopbackAddress(), 0);
        archive = Archive.open(new ArchiveLocation(dir.resolve("archive"), Optional.empty()));
        extractor = new TextExtractor();
    }

    @AfterAll
    static void stop() throws Exception {
        extractor.close();
        archive.close();
        server.close();
    }

    @Test
    void aDeepNewsSectionIsNotCrawledWhileEveryReportIsReachedFirst() {
        Crawled crawl = crawl("news", List.of());

        assertThat(crawl.paths()).containsAll(reportPaths());
        List<String> news = crawl.paths().stream().filter(p -> p.startsWith("/col/col2/") || p.startsWith("/art/")).toList();
        System.out.printf("deep-news portal: %d requests (%d on news), all %d reports and their %d PDFs fetched%n",
                crawl.paths().size(), news.size(), REPORTS, REPORTS);
        assertThat(news).hasSizeLessThan(40);
        assertThat(crawl.paths()).hasSizeLessThan(150);
        // Best-first: the whole 年报 column, documents included, before the news section's first page.
        int newsSection = crawl.paths().indexOf("/col/col2/index.html");
        assertThat(newsSection).isPositive();
        assertThat(reportPaths()).allSatisfy(p -> assertThat(crawl.paths().indexOf(p)).isLessThan(newsSection));
        assertThat(crawl.paths()).contains("/hdjl/index.html").doesNotContain("/hdjl/1.html");
    }

    @Test
    void aConfiguredPathIsWalkedByItsLinkTextsToAColumnScoringAloneWouldNotReach() {
        List<String> column = IntStream.rangeClosed(1, 5).mapToObj(i -> "/zwgk/fdzdgknr/gzbg/sbj/" + i + ".pdf").toList();

        Crawled unguided = crawl("unguided", List.of());
        assertThat(unguided.paths()).doesNotContainAnyElementsOf(column);

        Crawled guided = crawl("guided", List.of("「政务公开」", "法定主动公开内容", "工作报告专栏", "市本级"));
        assertThat(guided.paths()).containsAll(column);
        // The path is walked before anything else; the column and its documents come next.
        assertThat(guided.paths().subList(0, 6)).containsExactly("/robots.txt", "/", "/zwgk/index.html",
                "/zwgk/fdzdgknr/index.html", "/zwgk/fdzdgknr/gzbg/index.html", "/zwgk/fdzdgknr/gzbg/sbj/index.html");
        assertThat(guided.paths().subList(6, 6 + column.size() + 1)).containsAll(column);
        assertThat(guided.run().problems()).noneMatch(p -> p.problem().startsWith("path step"));
    }

    @Test
    void aPathStepNotFoundIsRecordedAndTheCrawlGoesOn() {
        Crawled crawl = crawl("lost", List.of("政府信息公开", "不存在的栏目"));

        assertThat(crawl.run().status()).isEqualTo(CrawlRun.Status.FINISHED);
        String where = server.url("/xxgk/index.html").toString();
        assertThat(crawl.run().problems()).anySatisfy(p -> {
            assertThat(p.problem()).isEqualTo("path step 「不存在的栏目」 not found on " + where);
            assertThat(p.url()).isEqualTo(where);
        });
        assertThat(crawl.paths()).containsAll(reportPaths());
    }

    @Test
    void theRequestBudgetIsSpentOnTheBestUrls() {
        Crawled crawl = crawl("budget", List.of(), 40);

        assertThat(crawl.paths()).hasSize(40 + 1); // and robots.txt
        assertThat(crawl.paths()).noneMatch(p -> p.startsWith("/art/") || p.startsWith("/col/"));
        assertThat(crawl.paths()).filteredOn(reportPaths()::contains).hasSizeGreaterThan(35);
        assertThat(crawl.run().problems()).anyMatch(p -> p.problem().startsWith("request budget of 40 spent"));
    }

    private static List<String> reportPaths() {
        List<String> paths = new ArrayList<>(List.of("/xxgk/nb/index.html", "/xxgk/nb/index_1.html", "/xxgk/nb/index_2.html"));
        for (int i = 1; i <= REPORTS; i++) {
            paths.add("/xxgk/nb/2024/t" + i + ".html");
            paths.add(i % 2 == 0 ? "/xxgk/nb/2024/P" + i + ".pdf" : "/module/download/downfile.jsp?filename=P" + i + ".pdf");
        }
        return paths;
    }

    private record Crawled(List<String> paths, CrawlRun run) {}

    private static Crawled crawl(String id, List<String> path) {
        return crawl(id, path, 5000);
    }

    /** One crawl with one thread, so that the server sees the frontier's order; returns the paths it requested. */
    private static Crawled crawl(String id, List<String> path, int maxPages) {
        Portal portal = (Portal) server.getDispatcher();
        portal.requests.clear();
        URI home = URI.create(server.url("/").toString());
        Site site = new Site(id, id, List.of(home), List.of(home.getHost()), Duration.ofMillis(1), 8, maxPages, 1 << 20,
                "xxgk-test", Optional.empty(), path, Optional.empty());
        Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 1,
                Duration.ofMillis(10)), ResolveOverrides.none(), Duration.ofMinutes(5));
        CrawlRun run = new Crawl(archive, dir.resolve(id), extractor, new PrintStream(new ByteArrayOutputStream())).run(List.of(site), options);
        return new Crawled(List.copyOf(portal.requests), run);
    }

    /** The generated portal: pages built from their path, every request recorded in order. */
    private static final class Portal extends Dispatcher {

        private static final String NAV = link("/", "首页") + link("/col/col2/index.html", "新闻中心") + link("/xxgk/index.html", "政府信息公开")
                + link("/hdjl/index.html", "互动交流") + link("/bsfw/index.html", "办事服务") + link("/jgsz/index.html", "机构设置")
                + link("/zwgk/index.html", "政务公开");

        final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getTarget();
            requests.add(path);
            if (path.endsWith(".pdf")) {
                return new MockResponse.Builder().setHeader("Content-Type", "application/pdf")
                        .body("%PDF-1.4 " + path).build();
            }
            String body = page(path);
            return body == null ? new MockResponse.Builder().code(404).body("not found").build()
                    : new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
        }

        private static String page(String path) {
            if (path.equals("/")) {
                return html(NAV + IntStream.rangeClosed(1, 8).mapToObj(i -> link(news(1, i), "市政府召开常务会议" + i)).collect(Collectors.joining()));
            }
            if (path.matches("/col/col2/index(_\\d+)?\\.html")) {
                int page = path.contains("_") ? Integer.parseInt(path.replaceAll("\\D", "").substring(1)) + 1 : 1;
                return html(NAV + IntStream.rangeClosed(1, NEWS_PER_PAGE).mapToObj(i -> link(news(page, i), "工作简讯 " + page + "-" + i))
                        .collect(Collectors.joining()) + "<script>createPageHTML(" + NEWS_PAGES + ", " + (page - 1) + ", \"index\", \"html\");</script>");
            }
            if (path.startsWith("/art/")) {
                int n = Integer.parseInt(path.replaceAll(".*art_2_(\\d+)\\.html", "$1"));
                return html(NAV + IntStream.rangeClosed(1, 3).mapToObj(i -> link(news(1 + (n + i * 37) % NEWS_PAGES, 1 + (n + i) % NEWS_PER_PAGE), "相关阅读"))
                        .collect(Collectors.joining()));
            }
            if (path.equals("/hdjl/index.html") || path.equals("/bsfw/index.html")) {
                return html(NAV + IntStream.rangeClosed(1, 30).mapToObj(i -> link(path.replace("index", String.valueOf(i)), "事项" + i)).collect(Collectors.joining()));
            }
            if (path.equals("/jgsz/index.html")) {
                return html(NAV + link("/jgsz/ld.html", "领导简介") + link("/jgsz/jg.html", "机构职能"));
            }
            if (path.equals("/xxgk/index.html")) {
                return html(NAV + link("/xxgk/zn.html", "政府信息公开指南") + link("/xxgk/fdzdgknr/index.html", "法定主动公开内容")
                        + link("/xxgk/nb/index.html", "政府信息公开年报"));
            }
            if (path.matches("/xxgk/nb/index(_\\d)?\\.html")) {
                int page = path.contains("_") ? Integer.parseInt(path.replaceAll("\\D", "")) : 0;
                return html(NAV + IntStream.rangeClosed(page * 10 + 1, page * 10 + 10)
                        .mapToObj(i -> link("/xxgk/nb/2024/t" + i + ".html", i % 3 == 0 ? "市财政局" : "2023年政府信息公开工作年度报告" + i))
                        .collect(Collectors.joining()) + "<script>createPageHTML(3, " + page + ", \"index\", \"html\");</script>");
            }
            if (path.matches("/xxgk/nb/2024/t\\d+\\.html")) {
                int i = Integer.parseInt(path.replaceAll("\\D", "").substring(4));
                return html(NAV + link(i % 2 == 0 ? "/xxgk/nb/2024/P" + i + ".pdf" : "/module/download/downfile.jsp?filename=P" + i + ".pdf", "附件"));
            }
            if (path.equals("/zwgk/index.html")) {
                return html(NAV + link("/zwgk/fdzdgknr/index.html", "法定 主动 公开内容") + link("/zwgk/ysqgk.html", "依申请公开"));
            }
            if (path.equals("/zwgk/fdzdgknr/index.html")) {
                return html(NAV + link("/zwgk/fdzdgknr/gzbg/index.html", "工作报告") + link("/zwgk/fdzdgknr/czzj.html", "财政资金"));
            }
            if (path.equals("/zwgk/fdzdgknr/gzbg/index.html")) {
                return html(NAV + link("/zwgk/fdzdgknr/gzbg/sbj/index.html", "市本级") + link("/zwgk/fdzdgknr/gzbg/qx/index.html", "区县"));
            }
            if (path.equals("/zwgk/fdzdgknr/gzbg/sbj/index.html")) {
                return html(NAV + IntStream.rangeClosed(1, 5).mapToObj(i -> link("/zwgk/fdzdgknr/gzbg/sbj/" + i + ".pdf", "第" + i + "篇"))
                        .collect(Collectors.joining()));
            }
            return path.endsWith(".html") ? html(NAV) : null;
        }

        private static String news(int page, int i) {
            return "/art/2024/1/" + page + "/art_2_" + ((page - 1) * NEWS_PER_PAGE + i) + ".html";
        }

        private static String link(String href, String text) {
            return "<a href=\"" + href + "\">" + text + "</a>\n";
        }

        private static String html(String body) {
            return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>门户</title></head><body>" + body + "</body></html>";
        }
    }
}
