package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;

/** Bad input a user can give: one line naming the thing and what to do, status 1, never a stack trace. */
class UserErrorsTest {

    @TempDir
    Path dir;

    private record Run(int status, String err) {}

    private static Run xxgk(String... args) {
        RealCli.Result result = RealCli.run(args);
        return new Run(result.status(), result.err());
    }

    private static void assertOneLineError(Run run, String... mentions) {
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines()).as(run.err()).singleElement().asString().startsWith("xxgk: ").contains(mentions);
    }

    private static byte[] samplePdf() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/sample-portal/www.hulan.gov.cn/hebhlq/uploadfiles/202401/20240126091254532.pdf"))) {
            return in.readAllBytes();
        }
    }

    @Test
    void parseOfAnEmptyATruncatedAndAnEncryptedFile() throws IOException {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        assertOneLineError(xxgk("parse", empty.toString()), "empty.pdf");

        byte[] pdf = samplePdf();
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
        Run cut = xxgk("parse", truncated.toString());
        assertThat(cut.err()).doesNotContain("internal error").doesNotContain("\tat ");

        Path encrypted = dir.resolve("encrypted.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(encrypted.toFile());
        }
        assertOneLineError(xxgk("parse", encrypted.toString()), "encrypted.pdf", "password");
    }

    @Test
    void aConfigurationNotInUtf8OrFullOfAliases() throws IOException {
        Path gbk = Files.write(dir.resolve("gbk.yaml"), "sites:\n  - id: a\n    name: 哈尔滨市人民政府\n    seeds: [http://www.harbin.gov.cn/]\n"
                .getBytes(Charset.forName("GBK")));
        assertOneLineError(xxgk("sites", "--config", gbk.toString()), "gbk.yaml", "UTF-8");

        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append("]\n");
        }
        bomb.append("sites: [*j]\n");
        Path laughs = Files.writeString(dir.resolve("laughs.yaml"), bomb);
        assertOneLineError(xxgk("sites", "--config", laughs.toString()), "laughs.yaml", "aliases");
    }

    @Test
    void getIntoADirectory() throws IOException {
        Path data = dir.resolve("data");
        byte[] bytes = "原件".getBytes(StandardCharsets.UTF_8);
        String url = "http://www.harbin.gov.cn/a.pdf";
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            Path f = Files.write(dir.resolve("body"), bytes);
            archive.blobs().put(f, Sha256.of(bytes), bytes.length);
            archive.captures().record(new Capture(null, url, url, 200, List.of(new HttpHeader("Content-Type", "application/pdf")),
                    Instant.now(), Sha256.of(bytes), bytes.length, "application/pdf", "harbin", "r1", Optional.empty(), Optional.empty(),
                    Optional.empty(), "GET"));
        }
        Path target = Files.createDirectories(dir.resolve("out"));
        assertOneLineError(xxgk("get", url, "-o", target.toString(), "--data", data.toString()), "out", "directory");
    }
}
