package xxgk.crawler.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bson.types.ObjectId;

import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.Extraction;

/**
 * An archive of many captures written through the archive's own write API, sized like a crawl of many portals:
 * {@value #SITES} sites; per site two 年报 articles, each linking a PDF; pages of 5–50 KB, one capture in a hundred
 * a document of 0.3–3 MB; a fifth of the captures are revisits (a second crawl answering 304).
 */
final class SyntheticArchive {

    static final int SITES = 200;

    private final Archive archive;
    private final Path scratch;
    private final Random random = new Random(14);
    private final byte[] noise = new byte[3 << 20];
    private final List<Capture> responses;
    private int serial;

    /** responses: the responses archived so far, to which {@link #write} adds. */
    SyntheticArchive(Archive archive, Path scratch, List<Capture> responses) {
        this.archive = archive;
        this.responses = responses;
        this.scratch = scratch;
        random.nextBytes(noise);
    }

    /** Writes this many captures in all, responses and revisits. */
    void write(int captures) throws IOException {
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        int fresh = captures - captures / 5;
        for (int s = 0; s < SITES && responses.size() < fresh; s++) {
            for (int year = 2023; year <= 2024; year++) {
                String pdf = url(s, "attach/nb" + year + ".pdf");
                respond(s, pdf, document(), "application/pdf", first, url(s, "nb/" + year + ".html"), year + "年报告全文");
                respond(s, url(s, "nb/" + year + ".html"), reportArticle(s, year, pdf), "text/html; charset=UTF-8", first,
                        url(s, "nb/index.html"), year + "年政府信息公开工作年度报告");
            }
        }
        while (responses.size() < fresh) {
            int s = responses.size() % SITES;
            boolean document = random.nextInt(100) == 0;
            String url = url(s, (document ? "attach/" : "art/") + (serial++) + (document ? ".pdf" : ".html"));
            respond(s, url, document ? document() : page(s), document ? "application/pdf" : "text/html; charset=UTF-8",
                    first.plusSeconds(responses.size()), url(s, "index.html"), "新闻" + serial);
        }
        recrawl(captures - responses.size(), SITES, Instant.parse("2025-06-01T00:00:00Z"), "r2");
    }

    /**
     * Revisits (304) of n archived URLs of the first sites, as a re-crawl of n pages records them under its run;
     * returns the sites revisited.
     */
    List<String> recrawl(int n, int ofSites, Instant at, String run) {
        List<String> sites = new ArrayList<>();
        List<Capture> before = responses.stream().filter(c -> Integer.parseInt(c.site().substring(1)) < ofSites).toList();
        for (int i = 0; i < n; i++) {
            Capture c = before.get(random.nextInt(before.size()));
            archive.captures().record(new Capture(null, c.url(), c.url(), 304, headers("text/html"), at.plusMillis(i), c.sha256(), c.size(),
                    c.contentType(), c.site(), run, c.foundOn(), Optional.empty(), c.anchor(), "GET", Capture.Kind.REVISIT,
                    Optional.of(c.id()), Optional.of(exchange(c.url()))));
            if (!sites.contains(c.site())) {
                sites.add(c.site());
            }
        }
        return sites;
    }

    private void respond(int site, String url, byte[] body, String type, Instant at, String foundOn, String anchor) throws IOException {
        String sha = Sha256.of(body);
        Path file = Files.write(scratch.resolve("body"), body);
        archive.blobs().put(file, sha, body.length);
        String text = type.startsWith("text/html") ? "政府信息公开 " + anchor + " " + "正文".repeat(500) : "报告全文 " + "数据".repeat(2000);
        archive.texts().put(sha, new Extraction(type.split(";")[0], Optional.empty(), text, Extraction.Status.OK, Optional.empty(), "bench"));
        Capture c = new Capture(null, url, url, 200, headers(type), at, sha, body.length, type, site(site), "r1",
                Optional.of(foundOn), Optional.empty(), Optional.of(anchor), "GET", Capture.Kind.RESPONSE, Optional.empty(),
                Optional.of(exchange(url)));
        ObjectId id = archive.captures().record(c);
        responses.add(new Capture(id, c.url(), c.finalUrl(), c.status(), c.headers(), c.fetchedAt(), c.sha256(), c.size(),
                c.contentType(), c.site(), c.run(), c.foundOn(), c.filename(), c.anchor(), c.method(), c.kind(), c.refersTo(), c.exchange()));
    }

    private static List<HttpHeader> headers(String type) {
        return List.of(new HttpHeader("Server", "nginx"), new HttpHeader("Date", "Sat, 01 Jun 2025 00:00:00 GMT"),
                new HttpHeader("Content-Type", type), new HttpHeader("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT"),
                new HttpHeader("ETag", "\"5f3a-61b2c\""), new HttpHeader("Connection", "keep-alive"));
    }

    private static Exchange exchange(String url) {
        return new Exchange(url.substring(url.indexOf('/', 8)), "HTTP/1.1", List.of(new HttpHeader("User-Agent", "xxgk/0.1"),
                new HttpHeader("Accept-Encoding", "gzip")), Optional.of("127.0.0.1"));
    }

    static String site(int s) {
        return String.format("s%03d", s);
    }

    static String url(int s, String path) {
        return "http://www." + site(s) + ".gov.cn/" + path;
    }

    private byte[] page(int site) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>新闻 ").append(serial)
                .append("</title></head><body><h1>第").append(serial).append("号 新闻</h1>");
        int size = 5_000 + random.nextInt(45_000);
        while (html.length() * 2 < size) {
            html.append("<p><a href=\"").append(url(site, "art/" + random.nextInt(Math.max(1, serial)) + ".html"))
                    .append("\">政务动态 ").append(random.nextInt()).append("</a> 本网讯 各部门认真贯彻落实有关工作要求。</p>");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] reportArticle(int site, int year, String pdf) {
        String title = site(site) + "区" + year + "年政府信息公开工作年度报告";
        return ("<html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"" + title + "\">"
                + "<meta name=\"PubDate\" content=\"" + (year + 1) + "-01-20\"><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>发布日期：" + (year + 1) + "-01-20</p><p><a href=\"" + pdf + "\">" + title + ".pdf</a></p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A document of 0.3–3 MB: distinct bytes behind a PDF signature (it parses as a damaged PDF, quickly). */
    private byte[] document() {
        int size = 300_000 + random.nextInt(2_700_000);
        byte[] b = new byte[size];
        int from = random.nextInt(noise.length - size + 1);
        System.arraycopy(noise, from, b, 0, size);
        byte[] head = ("%PDF-1.4 " + (serial++) + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }
}
