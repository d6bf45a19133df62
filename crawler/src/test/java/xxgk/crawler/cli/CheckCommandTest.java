package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.TextExtractor;

/** xxgk check finds what a kill or a damaged disk left, and --repair redoes what the stored originals allow. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out) {}

    private static Run xxgk(String... args) {
        RealCli.Result result = RealCli.run(args);
        return new Run(result.status(), result.text());
    }

    private void capture(Archive archive, String url, byte[] bytes, String sha, boolean withText) throws IOException {
        Path f = Files.write(dir.resolve("body"), bytes);
        archive.blobs().put(f, sha, bytes.length);
        archive.captures().record(new Capture(null, url, url, 200, List.of(new HttpHeader("Content-Type", "text/html")),
                Instant.now(), sha, bytes.length, "text/html", "harbin", "r1", Optional.empty(), Optional.empty(), Optional.empty(), "GET"));
        if (withText) {
            try (TextExtractor extractor = new TextExtractor()) {
                archive.texts().put(sha, extractor.extract(f, "a.html"));
            }
        }
    }

    @Test
    void missingTextsAreRepairedFromTheOriginalsAndDamageIsReported() throws IOException {
        Path data = dir.resolve("data");
        String data2 = data.toString();
        byte[] whole = "<html><body><p>2023年政府信息公开工作年度报告</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] killed = "<html><body><p>2022年政府信息公开工作年度报告</p></body></html>".getBytes(StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            capture(archive, "http://www.harbin.gov.cn/a.html", whole, Sha256.of(whole), true);
            capture(archive, "http://www.harbin.gov.cn/killed.html", killed, Sha256.of(killed), false);
        }
        Run clean = xxgk("check", "--data", data2);
        assertThat(clean.out()).contains("killed.html: no text for original");
        assertThat(clean.status()).isEqualTo(1);

        Run repair = xxgk("check", "--repair", "--data", data2);
        assertThat(repair.out()).contains("repaired: http://www.harbin.gov.cn/killed.html: text extracted again (OK)")
                .contains("checked 2 captures of 2 originals: whole, 1 repaired");
        assertThat(repair.status()).isZero();
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.texts().get(Sha256.of(killed)).orElseThrow().text()).contains("2022年政府信息公开工作年度报告");
            // bytes that no longer match their digest: nothing can repair them, and check says so
            byte[] damaged = "原件".getBytes(StandardCharsets.UTF_8);
            capture(archive, "http://www.harbin.gov.cn/damaged.pdf", damaged, Sha256.of("other".getBytes(StandardCharsets.UTF_8)), true);
        }
        Run afterDamage = xxgk("check", "--repair", "--data", data2);
        assertThat(afterDamage.out()).contains("problem: http://www.harbin.gov.cn/damaged.pdf: archived original").contains("is damaged");
        assertThat(afterDamage.status()).isEqualTo(1);
    }
}
