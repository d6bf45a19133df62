package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.report.ReportParser;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlProblem;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.store.SiteTally;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.config.SiteConfig;

/** The command line as scripts use it: exit codes, one-line errors, `list --json` fields, `get` bytes. */
class CommandLineTest {

    @TempDir
    Path dir;

    private static RealCli.Result xxgk(String... args) {
        return RealCli.run(args);
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
    void theListTableIsAlignedOverRowsOfEveryWidthAndAnEmptyListingIsEmpty() throws IOException {
        // The first row in URL order is the narrower: a table printed as it is read would not line up.
        archiveOne("http://www.harbin.gov.cn/a/年报.pdf", new byte[3], Instant.parse("2024-01-01T00:00:00Z"));
        archiveOne("http://www.harbin.gov.cn/nb.pdf", new byte[20_000], Instant.parse("2024-06-01T12:30:00.250Z"));
        String data = dir.resolve("data").toString();

        String[] lines = xxgk("list", "--data", data).text().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("FETCHED");
        assertThat(lines[1]).contains("3 B").endsWith("/a/年报.pdf");
        assertThat(lines[2]).contains("19.5 KB").endsWith("/nb.pdf");
        for (String column : List.of("TYPE", "URL")) {
            int at = lines[0].indexOf(column);
            String value = column.equals("TYPE") ? "application/pdf" : "http://";
            assertThat(List.of(lines[1], lines[2])).as(column).allSatisfy(line -> assertThat(line.indexOf(value)).isEqualTo(at));
        }
        assertThat(xxgk("list", "--since", "2030", "--data", data).text()).isEmpty();
    }

    @Test
    void listJsonAndGetGiveBackWhatWasArchived() throws IOException {
        String url = "http://www.harbin.gov.cn/nb.pdf";
        byte[] v1 = {'%', 'P', 'D', 'F', 1, 2, (byte) 0xff};
        byte[] v2 = {'%', 'P', 'D', 'F', 3, 4};
        archiveOne(url, v1, Instant.parse("2024-01-01T00:00:00Z"));
        archiveOne(url, v2, Instant.parse("2024-06-01T00:00:00Z"));
        String data = dir.resolve("data").toString();

        RealCli.Result list = xxgk("list", "--json", "--data", data);
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
        archiveOne("http://www.harbin.gov.cn/a.html", v1, Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(xxgk("list", "--json", "--limit", "1", "--data", data).text()).as("the first URL in URL order").contains("/a.html").doesNotContain("nb.pdf");
        assertThat(xxgk("list", "--json", "--since", "2024-05-31", "--data", data).text()).contains("nb.pdf").doesNotContain("/a.html");

        assertThat(xxgk("get", url, "--data", data).out()).isEqualTo(v2);
        assertThat(xxgk("--data", data, "get", url).out()).as("a global option before the command").isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2024-03-01", "--data", data).out()).isEqualTo(v1);
        Path o = dir.resolve("out.pdf");
        assertThat(xxgk("get", url, "-o", o.toString(), "--data", data).status()).isZero();
        assertThat(Files.readAllBytes(o)).isEqualTo(v2);
        assertThat(Files.getPosixFilePermissions(o)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        RealCli.Result included = xxgk("get", url, "-i", "--data", data);
        assertThat(new String(included.out(), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP 200\r\nContent-Type: application/pdf\r\n\r\n"
                + new String(v2, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aUrlIsFoundAsPeopleTypeItAndATimeAsTheyWriteIt() throws IOException {
        String url = "http://www.harbin.gov.cn/module/download/downfile.jsp?classid=0&filename=nb.pdf";
        byte[] v1 = {'%', 'P', 'D', 'F', '1'};
        byte[] v2 = {'%', 'P', 'D', 'F', '2'};
        byte[] v3 = {'%', 'P', 'D', 'F', '3'};
        // 2024-03-31T15:30Z is 23:30 on the 31st in Shanghai; 2024-04-01T02:00Z is 10:00 on April 1st.
        archiveOne(url, v1, Instant.parse("2024-01-01T00:00:00Z"));
        archiveOne(url, v2, Instant.parse("2024-03-31T15:30:00Z"));
        archiveOne(url, v3, Instant.parse("2024-04-01T02:00:00Z"));
        String data = dir.resolve("data").toString();

        String typed = "HTTP://WWW.HARBIN.GOV.CN/module/download/downfile.jsp?filename=nb.pdf&classid=0#page=2";
        assertThat(xxgk("get", typed, "--data", data).out()).isEqualTo(v3);
        assertThat(xxgk("get", typed, "--at", "2024-03-31", "--data", data).out()).as("the end of that day in Shanghai").isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2024-03-31 20:00", "--data", data).out()).as("20:00 in Shanghai is 12:00Z").isEqualTo(v1);
        assertThat(xxgk("get", url, "--at", "2024-03-31 20:00", "--zone", "UTC", "--data", data).out()).isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2024-03-31 23:29", "--data", data).out()).isEqualTo(v1);
        assertThat(xxgk("get", url, "--at", "2024-03-31 23:30", "--data", data).out()).isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2024-03-31T15:30:00Z", "--data", data).out()).isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "202403", "--data", data).out()).as("a Wayback month").isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2024", "--data", data).out()).as("a Wayback year").isEqualTo(v3);
        assertThat(xxgk("get", url, "--at", "20240331233000", "--data", data).out()).as("14 digits").isEqualTo(v2);
        assertThat(xxgk("get", url, "--at", "2023-06-01", "--nearest", "--data", data).out()).isEqualTo(v1);
        assertThat(xxgk("get", url, "--at", "20240401", "--nearest", "--data", data).out()).as("nearest to its start").isEqualTo(v2);

        RealCli.Result captures = xxgk("captures", typed, "--data", data);
        assertThat(captures.status()).isZero();
        String[] lines = captures.text().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("FETCHED").contains("STATUS", "SHA256", "SIZE", "TYPE");
        assertThat(lines[1]).startsWith("2024-01-01T08:00:00+08:00").contains(" 200 ", Sha256.of(v1), "5 B", "application/pdf");
        assertThat(lines[3]).startsWith("2024-04-01T10:00:00+08:00").contains(Sha256.of(v3));
        List<JsonNode> json = new ArrayList<>();
        for (String line : xxgk("captures", url, "--json", "--data", data).text().strip().split("\n")) {
            json.add(new ObjectMapper().readTree(line));
        }
        assertThat(json).extracting(j -> j.get("sha256").asText()).containsExactly(Sha256.of(v1), Sha256.of(v2), Sha256.of(v3));
        assertThat(json.get(0).get("fetched_at").asText()).isEqualTo("2024-01-01T00:00:00Z");

        // -O saves in the working directory, as curl does.
        assertThat(xxgk("get", url, "-O", "--data", data, "--quiet").status()).isZero();
        assertThat(Files.readAllBytes(Path.of("年报.pdf"))).as("saved under the archived name").isEqualTo(v3);
        Files.delete(Path.of("年报.pdf"));
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

        RealCli.Result json = xxgk("reports", "--json", "--data", data);
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

        RealCli.Result lines = xxgk("reports", "--site", "nangang", "--year", "2021", "--data", data);
        String[] table = lines.text().strip().split("\n");
        assertThat(table).hasSize(2);
        assertThat(table[0]).startsWith("YEAR  AGENCY").contains("TITLE", "FORMATS", "URLS", "TABLES", "ID");
        assertThat(table[1]).startsWith("2021  南岗区城管局").contains("南岗区城管局2021年政府信息公开工作年度报告", "HTML,PDF");
        assertThat(xxgk("reports", "--year", "2019", "--data", data).text()).isEmpty();

        // Columns line up on a terminal, where a Chinese character takes two columns.
        String[] all = xxgk("reports", "--data", data).text().strip().split("\n");
        assertThat(all).hasSize(4);
        for (String column : List.of("TITLE", "ID")) {
            int at = AlignedTable.width(all[0].substring(0, all[0].indexOf(column)));
            for (int i = 1; i < all.length; i++) {
                String value = rows.get(i - 1).get(column.toLowerCase(java.util.Locale.ROOT)).asText();
                assertThat(AlignedTable.width(all[i].substring(0, all[i].indexOf(value)))).as(column + " in " + all[i]).isEqualTo(at);
            }
        }
    }

    @Test
    void reparseThenReportsAndExportCarryTheParsedTables() throws IOException {
        String data = archiveThreeReports();
        JsonNode before = new ObjectMapper().readTree(xxgk("reports", "--json", "--site", "hulan", "--data", data).text());
        assertThat(before.get("tables").isNull()).isTrue();
        assertThat(before.get("checks")).isEmpty();

        assertThat(xxgk("reparse", "--data", data).text()).startsWith("5 originals parsed by parser ").contains("3 of 3 reports have tables");
        assertThat(xxgk("reports", "--data", data).text().strip().split("\n")).as("the catalogue, recognised again, under a header").hasSize(4);
        assertThat(xxgk("reparse", "--data", data).text()).startsWith("0 originals parsed");
        assertThat(xxgk("reparse", "--all", "--site", "hulan", "--data", data).text()).startsWith("2 originals parsed");

        JsonNode hulan = new ObjectMapper().readTree(xxgk("reports", "--json", "--site", "hulan", "--data", data).text());
        assertThat(hulan.get("format").asText()).isEqualTo("fmt2021");
        assertThat(hulan.at("/tables/table3/1").toString()).isEqualTo("[37,0,0,1,0,0,38]");
        assertThat(hulan.get("checks")).hasSize(5).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
        assertThat(hulan.at("/parsed_from/sha256").asText()).isIn(StreamSupport.stream(hulan.get("originals").spliterator(), false)
                .map(o -> o.get("sha256").asText()).toList());

        Path csv = dir.resolve("reports.csv");
        Path codebook = dir.resolve("codebook.csv");
        RealCli.Result export = xxgk("export", "--format", "csv", "-o", csv.toString(), "--codebook", codebook.toString(), "--bom", "--data", data);
        assertThat(export.status()).isZero();
        assertThat(export.err()).isEqualTo("3 reports exported\n");
        assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,agency,year,title,published,format,status,checks_failed,parser_version,site,url,sha256,t2_");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        CSVRecord hulanRow = records.get(0);
        assertThat(hulanRow.get("id")).startsWith("hulan/2023/");
        assertThat(hulanRow.get("year")).isEqualTo("2023");
        assertThat(hulanRow.get("title")).isEqualTo("呼兰区2023年政府信息公开工作年度报告");
        assertThat(hulanRow.get("published")).isEqualTo("2024-01-26");
        assertThat(hulanRow.get("format")).isEqualTo("fmt2021");
        assertThat(hulanRow.get("status")).isEqualTo("PASS");
        assertThat(hulanRow.get("checks_failed")).isEmpty();
        assertThat(hulanRow.get("parser_version")).isEqualTo(ReportParser.VERSION);
        assertThat(hulanRow.get("t3_1_总计")).isEqualTo("38");
        assertThat(hulanRow.get("t2_行政事业性收费_1")).isEqualTo("4591.36");
        List<CSVRecord> meanings = CSVFormat.DEFAULT.parse(Files.newBufferedReader(codebook, StandardCharsets.UTF_8)).getRecords();
        assertThat(meanings.get(0).toList()).containsExactly("\uFEFFcolumn", "zh", "en");
        assertThat(meanings.stream().skip(1).map(r -> r.get(0)).toList()).as("the codebook documents the export's columns, in order")
                .isEqualTo(records.get(0).getParser().getHeaderNames());

        String[] jsonl = xxgk("export", "--format", "jsonl", "--site", "hulan", "--data", data).text().strip().split("\n");
        assertThat(jsonl).hasSize(1);
        JsonNode exported = new ObjectMapper().readTree(jsonl[0]);
        assertThat(exported.fieldNames()).toIterable().startsWith("id", "agency", "year", "title", "published", "format", "status",
                "checks_failed", "parser_version", "site", "url", "sha256");
        assertThat(exported.get("t3_1_总计").asInt()).isEqualTo(38);

        assertThat(xxgk("gc", "--data", data).text()).isEqualTo("removed 0 unpublished uploads, 0 B\n");
        assertThat(xxgk("gc", "--older-than", "soon", "--data", data).err()).isEqualTo("xxgk: --older-than soon: not a duration (e.g. 30m, 1h, 2d)\n");

    }

    @Test
    void discoverPrintsEntriesTheConfigurationAccepts() throws IOException {
        String data = archiveThreeReports();
        Path harbinOnly = Files.writeString(dir.resolve("harbin.yaml"), "sites:\n  - id: harbin\n    seeds: [http://www.harbin.gov.cn/]\n");

        RealCli.Result discover = xxgk("discover", "--config", harbinOnly.toString(), "--data", data);
        assertThat(discover.status()).isZero();
        assertThat(discover.text()).contains("# named by 呼兰区2023年政府信息公开工作年度报告");
        Path proposed = Files.writeString(dir.resolve("proposed.yaml"), "sites:\n" + discover.text(), StandardCharsets.UTF_8);
        List<Site> sites = SiteConfig.load(proposed).sites();
        assertThat(sites).extracting(Site::id).containsExactly("hulan", "ngqxxgk-harbin");
        assertThat(sites.get(0).seeds()).containsExactly(URI.create("http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml"));
        assertThat(sites.get(0).name()).isEqualTo("哈尔滨市呼兰区人民政府");
        assertThat(sites.get(1).scope()).containsExactly("ngqxxgk.harbin.gov.cn");

        RealCli.Result shipped = xxgk("--config", "../config/sites.yaml", "discover", "--data", data);
        assertThat(shipped.text()).contains("(none").doesNotContain("- id:");
    }

    /** Runs the real program in its own JVM, as the launcher does; on a terminal (script(1) gives it one) when asked. */
    private static RealCli.Result program(boolean onTerminal, Map<String, String> env, String... args) throws IOException, InterruptedException {
        // The class path goes in the environment: script(1) prints its header, command included, onto the
        // terminal when the command is longer than about 8 KB, which a class path under a long checkout path is.
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", Xxgk.class.getName()));
        java.addAll(List.of(args));
        List<String> command = onTerminal
                ? List.of("script", "-qec", java.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" ")), "/dev/null")
                : java;
        // Nothing to read: script(1) would otherwise echo onto the terminal whatever reaches the test JVM's standard
        // input (Surefire's commands to its forked JVM).
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new RealCli.Result(process.waitFor(), out, err);
    }

    @Test
    void theProgramKeepsBinaryOffATerminalAndReadsItsEnvironment() throws IOException, InterruptedException {
        String url = "http://www.harbin.gov.cn/nb.pdf";
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, 1, 2, (byte) 0xff};
        archiveOne(url, pdf, Instant.parse("2024-06-01T00:00:00Z"));
        Map<String, String> env = Map.of("XXGK_DATA", dir.resolve("data").toString());

        RealCli.Result piped = program(false, env, "get", url);
        assertThat(piped.status()).isZero();
        assertThat(piped.out()).as("piped, the bytes as archived").isEqualTo(pdf);

        RealCli.Result onTerminal = program(true, env, "get", url);
        assertThat(onTerminal.status()).isEqualTo(1);
        assertThat(onTerminal.text().strip()).as("one line, through the terminal").isEqualTo("xxgk: " + url
                + " is binary (application/pdf) and would garble the terminal: save it with -o FILE or -O, or force it with -o -");

        RealCli.Result forced = program(true, env, "get", url, "-o", "-");
        assertThat(forced.status()).isZero();
        assertThat(forced.out()).isNotEmpty();

        RealCli.Result missing = program(false, Map.of("XXGK_DATA", dir.resolve("typo").toString()), "list");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).startsWith("xxgk: no archive in " + dir.resolve("typo")).hasLineCount(1);
    }

    /** An error a user can cause: the command line, and what its one line on stderr starts with. */
    record UserError(List<String> args, String message) {
        static UserError of(String message, String... args) {
            return new UserError(List.of(args), message);
        }
    }

    @Test
    void userErrorsAreOneLineAndStatusOne() throws IOException {
        String url = "http://www.harbin.gov.cn/nb.pdf";
        archiveOne(url, new byte[] {'%', 'P', 'D', 'F'}, Instant.parse("2024-06-01T00:00:00Z"));
        String data = dir.resolve("data").toString();
        String missing = dir.resolve("typo").toString();
        Path duplicated = Files.writeString(dir.resolve("dup.yaml"), "sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    delay: 2s\n    delay: 5s\n");
        Path malformed = Files.writeString(dir.resolve("bad.yaml"), "sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    max_pages: lots\n");
        Path notAReport = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n");
        String unreachable = "mongodb://alice:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=500&connectTimeoutMS=500";

        List<UserError> errors = List.of(
                UserError.of("xxgk: 'crwal' is not an xxgk command; did you mean crawl? (see: xxgk --help)", "crwal"),
                UserError.of("xxgk list: Unknown option: '--jsn'; did you mean --json? (see: xxgk list --help)", "list", "--jsn", "--data", data),
                UserError.of("xxgk reports: Invalid value for option '--year': 'x' is not an int (see: xxgk reports --help)",
                        "reports", "--year", "x", "--data", data),
                UserError.of("xxgk get: Missing required parameter: 'URL' (see: xxgk get --help)", "get", "--data", data),
                UserError.of("xxgk: Unknown subcommand 'bogus'.", "help", "bogus"),
                UserError.of("xxgk: no site 'nosuch' in the archive (it has: harbin)", "list", "--site", "nosuch", "--data", data),
                UserError.of("xxgk: no site 'nosuch' in the archive (it has: harbin)", "reports", "--site", "nosuch", "--data", data),
                UserError.of("xxgk: no site 'nosuch' in the archive (it has: harbin)", "export", "--format", "csv", "--site", "nosuch", "--data", data),
                UserError.of("xxgk: no site 'nosuch' in the archive (it has: harbin)", "reparse", "--site", "nosuch", "--data", data),
                UserError.of("xxgk: no site 'nosuch' in the archive (it has: harbin)", "changes", "--site", "nosuch", "--data", data),
                UserError.of("xxgk: no site 'nosuch' in the archive (it has: harbin)", "deadlines", "--year", "2021", "--site", "nosuch", "--data", data),
                UserError.of("xxgk: 'yesterday' is not a time", "changes", "--since", "yesterday", "--data", data),
                UserError.of("xxgk: 'yesterday' is not a time", "list", "--since", "yesterday", "--data", data),
                UserError.of("xxgk: --limit 0: give a number of URLs, 1 or more", "list", "--limit", "0", "--data", data),
                UserError.of("xxgk: --format warc writes a file: name it with -o FILE.warc.gz", "export", "--format", "warc", "--data", data),
                UserError.of("xxgk: unknown site 'nowhere' (../config/sites.yaml has: ", "crawl", "--config", "../config/sites.yaml", "--site", "nowhere", "--data", data),
                UserError.of("xxgk: no archive in " + missing + " (name the data directory with --data DIR", "list", "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "reports", "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "get", url, "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "text", url, "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "captures", url, "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "runs", "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "export", "--format", "csv", "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "reparse", "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "gc", "--data", missing),
                UserError.of("xxgk: no archive in " + missing, "serve", "--port", "0", "--data", missing),
                UserError.of("xxgk: --port 70000 is not a port (0 to 65535)", "serve", "--port", "70000", "--data", data),
                UserError.of("xxgk: no archive in " + missing, "--config", "../config/sites.yaml", "discover", "--data", missing),
                UserError.of("xxgk: 'yesterday' is not a time (e.g. 2024-03-31, 2024-03-31 12:00", "get", url, "--at", "yesterday", "--data", data),
                UserError.of("xxgk: '20241399' is not a time", "get", url, "--at", "20241399", "--data", data),
                UserError.of("xxgk: '99999999999999999999' is not a time", "text", url, "--at", "99999999999999999999", "--data", data),
                UserError.of("xxgk: --nearest needs --at TIME", "get", url, "--nearest", "--data", data),
                UserError.of("xxgk: time zone 'Mars/Olympus' is unknown", "get", url, "--at", "2024", "--zone", "Mars/Olympus", "--data", data),
                UserError.of("xxgk: " + url + " has no capture at or before that time (xxgk captures " + url + " lists them;",
                        "get", url, "--at", "2023", "--data", data),
                UserError.of("xxgk: http://www.harbin.gov.cn/none.pdf is not in the archive (see: xxgk list)",
                        "get", "http://www.harbin.gov.cn/none.pdf", "--data", data),
                UserError.of("xxgk: 'not a url' is not", "text", "not a url", "--data", data),
                UserError.of("xxgk: -O and -o both name where to write; give one", "get", url, "-O", "-o", "x.pdf", "--data", data),
                UserError.of("xxgk: " + dir.resolve("no/such/dir/x.pdf") + ": no directory", "get", url, "-o", dir.resolve("no/such/dir/x.pdf").toString(), "--data", data),
                UserError.of("xxgk: no crawl run 'r9' (see: xxgk runs)", "runs", "r9", "--data", data),
                UserError.of("xxgk: --every 'soon' is not a duration (e.g. 30m, 6h, 1h30m, 1d, PT6H)",
                        "crawl", "--config", "../config/sites.yaml", "--every", "soon", "--data", data),
                UserError.of("xxgk: --every '99999999999999999999h' is not a duration",
                        "crawl", "--config", "../config/sites.yaml", "--every", "99999999999999999999h", "--data", data),
                UserError.of("xxgk: --older-than soon: not a duration (e.g. 30m, 1h, 2d)", "gc", "--older-than", "soon", "--data", data),
                UserError.of("xxgk: " + duplicated + ":5: sites[0].delay: given twice (first on line 4); keep one", "sites", "--config", duplicated.toString()),
                UserError.of("xxgk: " + malformed + ":4: sites[0].max_pages: 'lots' is not a positive whole number", "sites", "--config", malformed.toString()),
                UserError.of("xxgk: " + dir.resolve("none.yaml") + ": no such configuration file", "sites", "--config", dir.resolve("none.yaml").toString()),
                UserError.of("xxgk: " + notAReport + ": not an annual report (no 政府信息公开 report title, none of tables 二, 三, 四)",
                        "parse", notAReport.toString()),
                UserError.of("xxgk: " + dir.resolve("none.pdf") + ": no such file", "parse", dir.resolve("none.pdf").toString()),
                UserError.of("xxgk: unknown export format xlsx; use csv or jsonl", "export", "--format", "xlsx", "--data", data),
                UserError.of("xxgk: --bom is for CSV", "export", "--format", "jsonl", "--bom", "--data", data),
                UserError.of("xxgk: --log-file " + dir.resolve("no/such/dir/x.log") + ": no directory",
                        "list", "--log-file", dir.resolve("no/such/dir/x.log").toString(), "--data", data),
                UserError.of("xxgk: cannot reach MongoDB at mongodb://***@127.0.0.1:1", "list", "--mongo", unreachable));

        for (UserError error : errors) {
            RealCli.Result r = xxgk(error.args().toArray(String[]::new));
            assertThat(r.status()).as("status of xxgk %s", error.args()).isEqualTo(1);
            assertThat(r.err()).as("stderr of xxgk %s", error.args()).startsWith(error.message()).endsWith("\n")
                    .doesNotContain("s3cret").hasLineCount(1);
        }
        assertThat(Path.of(missing)).as("reading never makes an archive").doesNotExist();
        assertThat(errors).hasSize(51);
    }

    @Test
    void aCommandLineNamingACommandIsReadWithThatCommandAloneAndHelpWithAll() {
        assertThat(Xxgk.commandLine(new Xxgk(), "--data", "get", "get", "http://a.gov.cn/", "-o", "x").getSubcommands()).containsOnlyKeys("get");
        assertThat(Xxgk.commandLine(new Xxgk(), "-q", "--config=list", "list", "--json").getSubcommands()).containsOnlyKeys("list");
        assertThat(Xxgk.commandLine(new Xxgk(), "--data", "get").getSubcommands()).as("get is the directory").containsKeys("get", "list", "help", "completion");
        for (String[] all : List.of(new String[] {"help", "get"}, new String[] {"completion"}, new String[] {"lsit"}, new String[] {"--", "get"})) {
            assertThat(Xxgk.commandLine(new Xxgk(), all).getSubcommands()).as("%s", List.of(all)).containsKeys("get", "list", "help", "completion");
        }
    }

    @Test
    void everyCommandHasHelpOnStandardOutput() {
        RealCli.Result top = xxgk("--help");
        assertThat(top.status()).isZero();
        assertThat(top.text()).startsWith("Usage: xxgk").contains("Commands:");
        assertThat(xxgk().text()).as("xxgk alone shows what it can do").isEqualTo(top.text());
        List<String> commands = Xxgk.commandLine(new Xxgk()).getSubcommands().keySet().stream().filter(c -> !c.equals("help") && !c.equals("completion")).toList();
        assertThat(commands).contains("crawl", "sites", "list", "captures", "get", "text", "runs", "parse", "reports", "reparse", "export",
                "discover", "gc", "demo", "serve");
        for (String command : commands) {
            for (List<String> asked : List.of(List.of(command, "--help"), List.of(command, "-h"), List.of("help", command))) {
                RealCli.Result help = xxgk(asked.toArray(String[]::new));
                assertThat(help.status()).as("status of xxgk %s", asked).isZero();
                assertThat(help.err()).as("stderr of xxgk %s", asked).isEmpty();
                assertThat(help.text()).as("xxgk %s", asked).startsWith("Usage: xxgk " + command);
            }
            assertThat(top.text()).as("the command list names " + command).contains("  " + command + " ");
        }
        assertThat(xxgk("get", "--help").text()).contains("--data=DIR", "--at=TIME", "--nearest", "-O", "--zone=ZONE");

        RealCli.Result completion = xxgk("completion");
        assertThat(completion.status()).isZero();
        assertThat(completion.text()).contains("complete -F").contains("reports").contains("--nearest");
        assertThat(xxgk("completion", "--help").text()).startsWith("Usage: xxgk completion ");
    }

    @Test
    void runsAndSitesSpeakJsonAndTablesHaveHeaders() throws IOException {
        String data = dir.resolve("data").toString();
        String run;
        try (Archive archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()))) {
            run = archive.runs().start(List.of("hulan"), Instant.parse("2024-02-01T00:00:00Z"), "test:/data");
            archive.runs().finish(run, CrawlRun.Status.FINISHED, Instant.parse("2024-02-01T00:10:00Z"),
                    List.of(new SiteTally("hulan", 12, 3456, 5, 1, 2, 0, 0, 0)),
                    List.of(new CrawlProblem(Instant.parse("2024-02-01T00:05:00Z"), "hulan", "http://www.hulan.gov.cn/x", "HTTP 404")));
        }
        JsonNode runs = new ObjectMapper().readTree(xxgk("runs", "--json", "--data", data).text());
        assertThat(runs.get("id").asText()).isEqualTo(run);
        assertThat(runs.get("status").asText()).isEqualTo("finished");
        assertThat(runs.get("ended_at").asText()).isEqualTo("2024-02-01T00:10:00Z");
        assertThat(runs.at("/tallies/0/pages").asLong()).isEqualTo(12);
        assertThat(runs.get("problem_count").asInt()).isEqualTo(1);
        JsonNode one = new ObjectMapper().readTree(xxgk("runs", run, "--json", "--data", data).text());
        assertThat(one.at("/problems/0/problem").asText()).isEqualTo("HTTP 404");
        assertThat(xxgk("runs", "--data", data).text()).startsWith("RUN").contains(run + "  finished");
        assertThat(xxgk("runs", run, "--data", data).text()).contains("SITE   PAGES").contains("HTTP 404");
        Path log = dir.resolve("xxgk.log");
        assertThat(xxgk("runs", "--verbose", "--log-file", log.toString(), "--data", data).status()).isZero();
        assertThat(log).as("--log-file appends the log there").exists();

        List<String> sites = List.of(xxgk("sites", "--json", "--config", "../config/sites.yaml").text().strip().split("\n"));
        assertThat(sites).hasSize(4);
        JsonNode hulan = sites.stream().map(CommandLineTest::json).filter(j -> j.get("id").asText().equals("harbin")).findFirst().orElseThrow();
        assertThat(hulan.get("seeds").get(0).asText()).startsWith("http://www.harbin.gov.cn/");
        assertThat(hulan.get("delay_ms").isIntegralNumber()).isTrue();
        assertThat(hulan.get("path")).isNotEmpty();
    }

    @Test
    void parseReadsAPrintedTitleBrokenOverLines() throws IOException {
        Path pdf = dir.resolve("nangang.pdf");
        try (InputStream in = CommandLineTest.class.getClassLoader().getResourceAsStream(
                "sample-portal/ngqxxgk.harbin.gov.cn/attach/0/2201251015389243.pdf")) {
            Files.copy(in, pdf);
        }
        RealCli.Result parse = xxgk("parse", pdf.toString(), "--json");
        assertThat(parse.status()).isZero();
        JsonNode report = json(parse.text());
        assertThat(report.get("title").asText()).isEqualTo("南岗区城管局2021年政府信息公开工作年度报告");
        assertThat(report.get("year").asInt()).isEqualTo(2021);
        assertThat(report.get("agency").asText()).isEqualTo("南岗区城管局");
    }

    @Test
    void parseOfADirectoryAndAFileGivesEachItsLineAndGoesOnPastOneThatIsNoReport() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        for (String resource : List.of("sample-portal/ngqxxgk.harbin.gov.cn/attach/0/2201251015389243.pdf",
                "sample-portal/www.hulan.gov.cn/hebhlq/uploadfiles/202401/20240126091254187.docx")) {
            try (InputStream in = CommandLineTest.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, reports.resolve(resource.substring(resource.lastIndexOf('/') + 1)));
            }
        }
        Path notAReport = Files.writeString(dir.resolve("notes.html"), "<html><body>会议纪要</body></html>");

        RealCli.Result parse = xxgk("parse", reports.toString(), notAReport.toString(), "--json");

        assertThat(parse.status()).isEqualTo(1);
        List<JsonNode> objects = parse.text().lines().map(CommandLineTest::json).toList();
        assertThat(objects).extracting(o -> o.get("file").asText())
                .containsExactly(reports.resolve("20240126091254187.docx").toString(), reports.resolve("2201251015389243.pdf").toString());
        assertThat(objects).allSatisfy(o -> assertThat(o.get("parse_ms").isIntegralNumber()).isTrue());
        assertThat(objects.get(1).get("title").asText()).isEqualTo("南岗区城管局2021年政府信息公开工作年度报告");
        assertThat(objects.get(0).get("year").asInt()).isEqualTo(2023);
        assertThat(parse.err().lines()).containsExactly("xxgk: " + notAReport + ": not an annual report (no 政府信息公开 report title, none of tables 二, 三, 四)",
                "xxgk: 1 of 3 files not parsed");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(line, e);
        }
    }

    @Test
    void sitesValidatesTheShippedConfiguration() {
        RealCli.Result sites = xxgk("sites", "--config", "../config/sites.yaml");
        assertThat(sites.status()).isZero();
        assertThat(sites.text()).contains("4 sites, valid").contains("hulan").contains("政府信息公开目录 > 政府信息公开年报");
        assertThat(sites.text().split("\n")[1]).startsWith("ID").contains("NAME", "SEEDS", "PATH");
    }
}
