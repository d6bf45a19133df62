package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.config.SiteConfig;

/** The command line as scripts use it: exit codes, one-line errors, `list --json` fields, `get` bytes. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Result(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static synchronized Result xxgk(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = Xxgk.run(args);
            return new Result(status, o.toByteArray(), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private void archiveOne(String url, byte[] bytes, Instant at) throws IOException {
        try (Archive archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()))) {
            Path f = Files.write(dir.resolve("body"), bytes);
            String sha = Sha256.of(bytes);
            archive.blobs().put(f, sha, bytes.length);
            archive.captures().record(new Capture(null, url, url, 200, List.of(new HttpHeader("Content-Type", "application/pdf")),
                    at, sha, bytes.length, "application/pdf", "harbin", "r1", Optional.empty(), Optional.of("年报.pdf"), Optional.empty(), "GET"));
        }
    }

    @Test
    void listJsonAndGetGiveBackWhatWasArchived() throws IOException {
        String url = "http://www.harbin.gov.cn/nb.pdf";
        byte[] v1 = {'%', 'P', 'D', 'F', 1, 2, (byte) 0xff};
        byte[] v2 = {'%', 'P', 'D', 'F', 3, 4};
        archiveOne(url, v1, Instant.parse("2024-01-01T00:00:00Z"));
        archiveOne(url, v2, Instant.parse("2024-06-01T00:00:00Z"));
        String data = dir.resolve("data").toString();

        Result list = xxgk("list", "--json", "--data", data);
        assertThat(list.status()).isZero();
        JsonNode row = new ObjectMapper().readTree(list.text().strip());
        assertThat(row.get("url").asText()).isEqualTo(url);
        assertThat(row.get("final_url").asText()).isEqualTo(url);
        assertThat(row.get("status").asInt()).isEqualTo(200);
        assertThat(row.get("sha256").asText()).isEqualTo(Sha256.of(v2));
        assertThat(row.get("size").asLong()).isEqualTo(v2.length);
        assertThat(row.get("content_type").asText()).isEqualTo("application/pdf");
        assertThat(row.get("fetched_at").asText()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(row.get("site").asText()).isEqualTo("harbin");
        assertThat(row.get("filename").asText()).isEqualTo("年报.pdf");

        assertThat(xxgk("get", url, "--data", data).out()).isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2024-03-01", "--data", data).out()).isEqualTo(v1);
        Path o = dir.resolve("out.pdf");
        assertThat(xxgk("get", url, "-o", o.toString(), "--data", data).status()).isZero();
        assertThat(Files.readAllBytes(o)).isEqualTo(v2);
    }

    /** Archives a file of the sample portal as a crawl would: bytes, capture, text. */
    private static void archivePortalFile(Archive archive, TextExtractor extractor, Path dir, String site, String url, String foundOn,
                                          String anchor) throws IOException {
        String resource = "sample-portal/" + url.replaceFirst("^http://", "");
        byte[] bytes;
        try (InputStream in = CommandLineTest.class.getClassLoader().getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        Path f = Files.write(dir.resolve("body-" + Sha256.of(bytes)), bytes);
        String sha = Sha256.of(bytes);
        archive.blobs().put(f, sha, bytes.length);
        archive.captures().record(new Capture(null, url, url, 200, List.of(), Instant.parse("2024-02-01T00:00:00Z"), sha, bytes.length,
                "", site, "r1", Optional.ofNullable(foundOn), Optional.empty(), Optional.ofNullable(anchor), "GET"));
        archive.texts().put(sha, extractor.extract(f, url.substring(url.lastIndexOf('/') + 1)));
    }

    private String archiveThreeReports() throws IOException {
        String hulan = "http://www.hulan.gov.cn/hebhlq/c106450/202401/c01_187532.shtml";
        String nangang = "http://ngqxxgk.harbin.gov.cn/art/2022/1/25/art_126585_1156238.html";
        try (Archive archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()));
             TextExtractor extractor = new TextExtractor()) {
            archivePortalFile(archive, extractor, dir, "hulan", hulan, "http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml",
                    "呼兰区2023年政府信息公开工作年度报告");
            archivePortalFile(archive, extractor, dir, "hulan", "http://www.hulan.gov.cn/hebhlq/uploadfiles/202401/20240126091254187.docx",
                    hulan, "呼兰区2023年政府信息公开工作年度报告.docx");
            archivePortalFile(archive, extractor, dir, "nangang", nangang, null, null);
            archivePortalFile(archive, extractor, dir, "nangang", "http://ngqxxgk.harbin.gov.cn/attach/0/2201251015389243.pdf",
                    nangang, "南岗区城管局2021年政府信息公开工作年度报告.pdf");
            // Linked alone, with a link text that says nothing: the document's printed title and date tell.
            archivePortalFile(archive, extractor, dir, "suifenhe", "http://www.suifenhe.gov.cn/module/download/downfile/2201201530452389.pdf",
                    "http://www.suifenhe.gov.cn/col/col5396/index.html", "下载");
            assertThat(archive.catalog().refresh(List.of("hulan", "nangang", "suifenhe"))).hasSize(3);
        }
        return dir.resolve("data").toString();
    }

    @Test
    void reportsJsonHasTheFieldsScriptsUse() throws IOException {
        String data = archiveThreeReports();

        Result json = xxgk("reports", "--json", "--data", data);
        assertThat(json.status()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : json.text().strip().split("\n")) {
            rows.add(new ObjectMapper().readTree(line));
        }
        assertThat(rows).extracting(r -> r.get("site").asText()).containsExactly("hulan", "nangang", "suifenhe");
        for (JsonNode row : rows) {
            assertThat(row.fieldNames()).toIterable().contains("id", "site", "agency", "year", "title", "published",
                    "published_source", "publisher", "article_url", "originals", "locations");
            assertThat(row.get("originals").get(0).fieldNames()).toIterable().containsExactly("url", "sha256", "content_type", "filename");
        }
        JsonNode hulan = rows.get(0);
        assertThat(hulan.get("id").asText()).startsWith("hulan/2023/");
        assertThat(hulan.get("agency").asText()).isEqualTo("哈尔滨市呼兰区人民政府");
        assertThat(hulan.get("publisher").asText()).isEqualTo("哈尔滨市呼兰区人民政府办公室");
        assertThat(hulan.get("published_source").asText()).isEqualTo("page");
        assertThat(hulan.get("year").asInt()).isEqualTo(2023);
        assertThat(hulan.get("title").asText()).isEqualTo("呼兰区2023年政府信息公开工作年度报告");
        assertThat(hulan.get("published").asText()).isEqualTo("2024-01-26");
        assertThat(hulan.get("article_url").asText()).isEqualTo("http://www.hulan.gov.cn/hebhlq/c106450/202401/c01_187532.shtml");
        assertThat(hulan.get("originals")).hasSize(2);
        assertThat(hulan.get("locations")).hasSize(2);
        JsonNode suifenhe = rows.get(2);
        assertThat(suifenhe.get("article_url").isNull()).isTrue();
        assertThat(suifenhe.get("title").asText()).isEqualTo("绥芬河市人民政府2021年政府信息公开工作年度报告");
        assertThat(suifenhe.get("published").asText()).isEqualTo("2022-01-20");
        assertThat(suifenhe.get("published_source").asText()).isEqualTo("document"); // no list page archived: its own
        assertThat(suifenhe.get("publisher").isNull()).isTrue();
        assertThat(suifenhe.get("originals").get(0).get("content_type").asText()).isEqualTo("application/pdf");

        Result lines = xxgk("reports", "--site", "nangang", "--year", "2021", "--data", data);
        assertThat(lines.text()).startsWith("2021  南岗区城管局").contains("南岗区城管局2021年政府信息公开工作年度报告", "HTML,PDF", "2 URLs");
        assertThat(lines.text().strip().split("\n")).hasSize(1);
        assertThat(xxgk("reports", "--year", "2019", "--data", data).text()).isEmpty();
    }

    @Test
    void reparseThenReportsAndExportCarryTheParsedTables() throws IOException {
        String data = archiveThreeReports();
        JsonNode before = new ObjectMapper().readTree(xxgk("reports", "--json", "--site", "hulan", "--data", data).text());
        assertThat(before.get("tables").isNull()).isTrue();
        assertThat(before.get("checks")).isEmpty();

        assertThat(xxgk("reparse", "--data", data).text()).startsWith("5 originals parsed by parser ").contains("3 of 3 reports have tables");
        assertThat(xxgk("reports", "--data", data).text().strip().split("\n")).as("the catalogue, recognised again").hasSize(3);
        assertThat(xxgk("reparse", "--data", data).text()).startsWith("0 originals parsed");
        assertThat(xxgk("reparse", "--all", "--site", "hulan", "--data", data).text()).startsWith("2 originals parsed");

        JsonNode hulan = new ObjectMapper().readTree(xxgk("reports", "--json", "--site", "hulan", "--data", data).text());
        assertThat(hulan.get("format").asText()).isEqualTo("fmt2021");
        assertThat(hulan.at("/tables/table3/1").toString()).isEqualTo("[37,0,0,1,0,0,38]");
        assertThat(hulan.get("checks")).hasSize(5).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
        assertThat(hulan.at("/parsed_from/sha256").asText()).isIn(StreamSupport.stream(hulan.get("originals").spliterator(), false)
                .map(o -> o.get("sha256").asText()).toList());

        Path csv = dir.resolve("reports.csv");
        Result export = xxgk("export", "--format", "csv", "--out", csv.toString(), "--data", data);
        assertThat(export.status()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("agency", "year", "site", "url", "sha256", "t3_1_自然人").contains("t4_15");
        List<String> hulanRow = List.of(lines.get(1).split(",", -1));
        assertThat(hulanRow.get(header.indexOf("year"))).isEqualTo("2023");
        assertThat(hulanRow.get(header.indexOf("t3_1_总计"))).isEqualTo("38");
        assertThat(hulanRow.get(header.indexOf("t2_行政事业性收费_1"))).isEqualTo("4591.36");

        String[] jsonl = xxgk("export", "--format", "jsonl", "--site", "hulan", "--data", data).text().strip().split("\n");
        assertThat(jsonl).hasSize(1);
        assertThat(new ObjectMapper().readTree(jsonl[0]).get("t3_1_总计").asInt()).isEqualTo(38);

        assertThat(xxgk("gc", "--data", data).text()).isEqualTo("removed 0 unpublished uploads, 0 B\n");
        assertThat(xxgk("gc", "--older-than", "soon", "--data", data).err()).isEqualTo("xxgk: --older-than soon: not a duration (e.g. 30m, 1h, 2d)\n");

        Result wrong = xxgk("export", "--format", "xlsx", "--data", data);
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("xxgk: unknown export format xlsx; use csv or jsonl\n");
    }

    @Test
    void discoverPrintsEntriesTheConfigurationAccepts() throws IOException {
        String data = archiveThreeReports();
        Path harbinOnly = Files.writeString(dir.resolve("harbin.yaml"), "sites:\n  - id: harbin\n    seeds: [http://www.harbin.gov.cn/]\n");

        Result discover = xxgk("discover", "--config", harbinOnly.toString(), "--data", data);
        assertThat(discover.status()).isZero();
        assertThat(discover.text()).contains("# named by 呼兰区2023年政府信息公开工作年度报告");
        Path proposed = Files.writeString(dir.resolve("proposed.yaml"), "sites:\n" + discover.text(), StandardCharsets.UTF_8);
        List<Site> sites = SiteConfig.load(proposed).sites();
        assertThat(sites).extracting(Site::id).containsExactly("hulan", "ngqxxgk-harbin");
        assertThat(sites.get(0).seeds()).containsExactly(URI.create("http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml"));
        assertThat(sites.get(0).name()).isEqualTo("哈尔滨市呼兰区人民政府");
        assertThat(sites.get(1).scope()).containsExactly("ngqxxgk.harbin.gov.cn");

        Result shipped = xxgk("discover", "--config", "../config/sites.yaml", "--data", data);
        assertThat(shipped.text()).contains("(none").doesNotContain("- id:");
    }

    @Test
    void userErrorsAreOneLineAndStatusOne() throws IOException {
        String data = dir.resolve("data").toString();
        Result notArchived = xxgk("get", "http://www.harbin.gov.cn/none.pdf", "--data", data);
        assertThat(notArchived.status()).isEqualTo(1);
        assertThat(notArchived.err()).isEqualTo("xxgk: http://www.harbin.gov.cn/none.pdf is not in the archive (see: xxgk list)\n");

        Result malformed = xxgk("text", "not a url", "--data", data);
        assertThat(malformed.status()).isEqualTo(1);
        assertThat(malformed.err()).startsWith("xxgk: 'not a url' is not");

        Path config = Files.writeString(dir.resolve("sites.yaml"), "sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    max_pages: lots\n");
        Result bad = xxgk("sites", "--config", config.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("xxgk: " + config + ":4: sites[0].max_pages: 'lots' is not a positive whole number\n");

        Result unknownSite = xxgk("crawl", "--config", "../config/sites.yaml", "--site", "nowhere", "--data", data);
        assertThat(unknownSite.status()).isEqualTo(1);
        assertThat(unknownSite.err()).contains("unknown site 'nowhere'").doesNotContain("Exception");

        Result unreachable = xxgk("list", "--mongo", "mongodb://alice:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("xxgk: cannot reach MongoDB at mongodb://***@127.0.0.1:1").doesNotContain("s3cret");
    }

    @Test
    void sitesValidatesTheShippedConfiguration() {
        Result sites = xxgk("sites", "--config", "../config/sites.yaml");
        assertThat(sites.status()).isZero();
        assertThat(sites.text()).contains("4 sites, valid").contains("hulan").contains("政府信息公开目录 > 政府信息公开年报");
    }
}
