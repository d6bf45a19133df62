package xxgk.crawler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.catalog.Report;
import xxgk.archive.retrieval.CdxQuery;
import xxgk.archive.store.Capture;
import xxgk.crawler.cli.RealCli;

/** xxgk serve over real HTTP on loopback, against the demo archive after two crawls (see {@link ServedArchive}). */
class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static ServedArchive served;
    static String corrected;
    static List<Capture> versions;

    @BeforeAll
    static void serve() {
        served = ServedArchive.instance();
        corrected = served.portal.correctedUrl();
        versions = served.archive.captures().history(corrected).stream().filter(c -> !c.revisit()).toList();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return served.fetch(pathAndQuery);
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String ts(Capture c) {
        return CdxQuery.TIMESTAMP.format(c.fetchedAt());
    }

    /** The 自然人 value of a table 三 row of the corrected report, as the replayed page shows it. */
    static String disclosedAsShown(Document page) {
        Element row = page.select("tr").stream().filter(tr -> tr.text().contains("予以公开")).findFirst().orElseThrow();
        return row.select("td").get(row.select("td").size() - 7).text();
    }

    @Test
    void theCorrectedReportHasTwoVersionsAndTheCdxListsBoth() throws Exception {
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).sha256()).isNotEqualTo(versions.get(1).sha256());
        HttpResponse<byte[]> json = get("/cdx?output=json&url=" + Html.param(corrected));
        assertThat(json.statusCode()).isEqualTo(200);
        List<JsonNode> lines = text(json).lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        List<JsonNode> responses = lines.stream().filter(l -> l.get("mime").asText().equals("text/html")).toList();
        assertThat(responses).extracting(l -> l.get("timestamp").asText()).containsExactly(ts(versions.get(0)), ts(versions.get(1)));
        for (JsonNode l : lines) {
            assertThat(l.get("timestamp").asText()).matches("\\d{14}");
            assertThat(l.get("urlkey").asText()).startsWith("cn,gov,harbin,ngqxxgk");
            assertThat(l.get("url").asText()).isEqualTo(corrected);
            assertThat(l.get("status").asText()).isEqualTo("200");
            assertThat(l.get("digest").asText()).startsWith("sha256:");
            assertThat(l.has("length")).isTrue();
        }
        assertThat(responses.get(0).get("digest")).isNotEqualTo(responses.get(1).get("digest"));

        List<String> plain = text(get("/cdx?url=" + Html.param(corrected))).lines().toList();
        assertThat(plain).hasSameSizeAs(lines).allSatisfy(l -> assertThat(l.split(" ")).hasSize(7));
        assertThat(text(get("/cdx?url=" + Html.param(corrected) + "&limit=1")).lines()).hasSize(1);
        String from = CdxQuery.TIMESTAMP.format(served.betweenCrawls);
        assertThat(text(get("/cdx?output=json&url=" + Html.param(corrected) + "&from=" + from)).lines())
                .hasSize(lines.size() - 1).allMatch(l -> !l.contains(ts(versions.get(0))));
    }

    @Test
    void prefixAndHostQueriesListEveryUrlUnderThem() throws Exception {
        String host = corrected.replaceFirst("^(http://[^/]+/).*", "$1");
        List<String> hostLines = text(get("/cdx?matchType=host&url=" + Html.param(corrected))).lines().toList();
        List<String> prefixLines = text(get("/cdx?matchType=prefix&url=" + Html.param(host + "art/"))).lines().toList();
        assertThat(hostLines).allMatch(l -> l.split(" ")[2].startsWith(host)).hasSizeGreaterThan(prefixLines.size());
        assertThat(prefixLines).isNotEmpty().allMatch(l -> l.split(" ")[2].startsWith(host + "art/"));
        assertThat(get("/cdx?matchType=sideways&url=" + Html.param(host)).statusCode()).isEqualTo(400);
    }

    @Test
    void replayByTimestampShowsEachVersionInTheSandboxWithABanner() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> page = get("/web/" + ts(versions.get(i)) + "/" + corrected);
            assertThat(page.statusCode()).isEqualTo(200);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).startsWith("sandbox;").doesNotContain("allow-");
            Document doc = Jsoup.parse(text(page));
            assertThat(disclosedAsShown(doc)).isEqualTo(i == 0 ? "1" : "0");
            assertThat(doc.getElementById("xxgk-banner").text()).contains(corrected).contains(versions.get(i).fetchedAt().toString());
            assertThat(doc.select("#xxgk-banner a").eachAttr("href")).contains("/web/*/" + corrected);
        }
        // A Wayback timestamp names a period; the nearest capture to its start is the first version.
        String year = ts(versions.get(0)).substring(0, 4);
        assertThat(disclosedAsShown(Jsoup.parse(text(get("/web/" + year + "/" + corrected))))).isEqualTo("1");
    }

    @Test
    void aGbkPageIsReplayedAsUtf8() throws Exception {
        String hulan = served.portal.url("www.hulan.gov.cn", "/hebhlq/c106450/202401/c01_187532.shtml");
        HttpResponse<byte[]> page = get("/web/" + CdxQuery.TIMESTAMP.format(Instant.now()) + "/" + hulan);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=utf-8");
        Document doc = Jsoup.parse(text(page));
        assertThat(doc.title()).startsWith("呼兰区2023年政府信息公开工作年度报告");
        assertThat(doc.select("meta[charset]").eachAttr("charset")).containsExactly("UTF-8");
        assertThat(text(page)).doesNotContainIgnoringCase("charset=gbk");
    }

    @Test
    void aReplayedPageLeavesNoUrlTheBrowserWouldFetchFromTheLiveWeb() throws Exception {
        Document doc = Jsoup.parse(text(get("/web/" + ts(versions.get(1)) + "/" + corrected)));
        List<String> urls = doc.select("[href], [src], [action], [background], [poster], [data]").stream()
                .flatMap(e -> e.attributes().asList().stream())
                .filter(a -> List.of("href", "src", "action", "background", "poster", "data").contains(a.getKey()))
                .map(a -> a.getValue()).toList();
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).matches("(/|#|javascript:|data:|mailto:).*"));
        assertThat(urls).anyMatch(u -> u.startsWith("/web/" + ts(versions.get(1)) + "/http://ngqxxgk.harbin.gov.cn:"));
        assertThat(doc.select("base")).isEmpty();
    }

    @Test
    void idReplayAnswersTheOriginalBytesWithTheOriginalType() throws Exception {
        for (Capture v : versions) {
            HttpResponse<byte[]> raw = get("/web/" + ts(v) + "id_/" + corrected);
            try (InputStream in = served.archive.blobs().open(v.sha256())) {
                assertThat(raw.body()).isEqualTo(in.readAllBytes());
            }
            assertThat(raw.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualToIgnoringCase(v.contentType().replace(" ", ""));
            assertThat(raw.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
        }
    }

    @Test
    void aUrlNeverArchivedIsA404PageSayingSo() throws Exception {
        HttpResponse<byte[]> page = get("/web/2024/http://www.example.gov.cn/never.html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(text(page)).contains("not in the archive").contains("http://www.example.gov.cn/never.html");
        assertThat(get("/reports/harbin/1999/0000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void noPathReadsAFileOutsideTheArchive() throws Exception {
        for (String path : List.of("/web/2024/..%2F..%2F..%2Fetc%2Fpasswd", "/web/2024/file:///etc/passwd", "/webjars/..%2F..%2F..%2Fetc%2Fpasswd",
                "/webjars/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2F..%2Fetc%2Fpasswd")) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isBetween(400, 404);
            assertThat(text(r)).as(path).doesNotContain("root:");
        }
    }

    @Test
    void theReportsGridShowsEveryAgencyAndYearWithItsState() throws Exception {
        Document grid = Jsoup.parse(text(get("/reports")));
        List<Report> reports = served.archive.catalog().reports(Optional.empty(), OptionalInt.empty());
        for (Report r : reports) {
            Element link = grid.selectFirst("a[href=/reports/" + r.id() + "]");
            assertThat(link).as(r.id()).isNotNull();
            assertThat(link.text()).isEqualTo("on time");
            assertThat(link.closest("tr").child(0).text()).isEqualTo(r.agency());
        }
        // 哈尔滨市营商环境建设监督局 reported for 2019 and not for 2021; its 2019 tables fail a check.
        Element row = grid.select("tr").stream().filter(tr -> tr.child(0).text().equals("哈尔滨市营商环境建设监督局")).findFirst().orElseThrow();
        assertThat(row.select("td.missing").text()).isEqualTo("missing");
        assertThat(row.select(".fail")).hasSize(1);

        Document nangang = Jsoup.parse(text(get("/reports?site=nangang&year=2021")));
        assertThat(nangang.select("h2").eachText()).containsExactly("nangang");
        assertThat(get("/reports?year=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void aReportPageShowsItsTablesWithSourcesChecksVersionsChangesAndChart() throws Exception {
        Report r = served.archive.catalog().reports(Optional.of("nangang"), OptionalInt.empty()).get(0);
        Document page = Jsoup.parse(text(get("/reports/" + r.id())));
        assertThat(page.select("h1").text()).isEqualTo(r.title());
        assertThat(page.text()).contains(r.agency());
        Element disclosed = page.select("#table3 tr").stream().filter(tr -> tr.child(0).text().contains("予以公开")).findFirst().orElseThrow();
        assertThat(disclosed.child(1).text()).isEqualTo("0");
        assertThat(disclosed.child(1).attr("title")).isNotBlank().isNotEqualTo("source not recorded");
        assertThat(page.select("#table4 td.cell")).hasSize(15);
        assertThat(page.select("h2:contains(Checks) + table tr")).hasSizeGreaterThan(1);
        assertThat(page.select("h2:contains(Versions) + table tr")).hasSizeGreaterThan(r.originals().size());
        assertThat(page.select("h2:contains(Changes) + ul li").eachText()).anyMatch(t -> t.contains("changed") && t.contains("t3_3.1_自然人 1→0"));
        assertThat(page.select("script[src]").eachAttr("src")).containsExactly(ReportPages.ECHARTS);
        assertThat(get(ReportPages.ECHARTS).statusCode()).isEqualTo(200);
        for (String href : page.select("h2:contains(Originals) + table a").eachAttr("href")) {
            assertThat(get(href).statusCode()).as(href).isEqualTo(200);
        }
    }

    @Test
    void theAtomFeedIsXmlWithOneEntryPerChange() throws Exception {
        HttpResponse<byte[]> feed = get("/changes.atom");
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text(feed))));
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(atom);
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(direct(xml.getDocumentElement(), atom, required)).as(required).isEqualTo(1);
        }
        NodeList entries = xml.getElementsByTagNameNS(atom, "entry");
        int changes = served.archive.catalog().changes().since(Optional.empty(), Optional.empty()).size();
        assertThat(entries.getLength()).isEqualTo(changes).isEqualTo(6);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                assertThat(direct(entry, atom, required)).as(required).isGreaterThanOrEqualTo(1);
            }
            ids.add(entry.getElementsByTagNameNS(atom, "id").item(0).getTextContent());
            Instant.parse(entry.getElementsByTagNameNS(atom, "updated").item(0).getTextContent());
        }
        assertThat(ids).hasSize(changes);
        assertThat(text(get("/changes"))).contains("changed").contains("南岗区城管局");
    }

    private static int direct(org.w3c.dom.Element parent, String ns, String name) {
        int n = 0;
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof org.w3c.dom.Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theHomePageNamesTheSitesAndTheLatestChanges() throws Exception {
        Document home = Jsoup.parse(text(get("/")));
        assertThat(home.select("a[href^=/reports?site=]").eachText()).containsExactly("harbin", "hulan", "nangang", "suifenhe");
        assertThat(home.text()).contains(served.archive.captures().count() + " captures").contains("changed");
    }

    @Test
    void serveRefusesAPortInUseAndAMissingArchiveInOneLine() {
        RealCli.Result taken = RealCli.run("serve", "--port", String.valueOf(served.server.port()), "--data", served.archive.location().dataDir().toString());
        assertThat(taken.status()).isEqualTo(1);
        assertThat(taken.err().strip()).startsWith("xxgk: cannot listen on 127.0.0.1:" + served.server.port()).doesNotContain("\n");
        RealCli.Result none = RealCli.run("serve", "--port", "0", "--data", "/nonexistent/xxgk-data");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).startsWith("xxgk: no archive in /nonexistent/xxgk-data");
    }
}
