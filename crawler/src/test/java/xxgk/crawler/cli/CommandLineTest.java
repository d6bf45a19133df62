package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;

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
                    at, sha, bytes.length, "application/pdf", "harbin", "r1", Optional.empty(), Optional.of("年报.pdf")));
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
        assertThat(sites.text()).contains("5 sites, valid").contains("hulan").contains("政府信息公开目录 > 政府信息公开年报");
    }
}
