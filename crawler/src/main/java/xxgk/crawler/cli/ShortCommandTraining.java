package xxgk.crawler.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;

/**
 * The commands people run most, run once on a throwaway archive, so that the JVM archives the classes they load
 * ({@code -XX:ArchiveClassesAtExit}, application class-data sharing) and later runs map them instead of loading them
 * from the jars: most of a {@code xxgk get}'s time is the JVM loading the classes of picocli, the MongoDB driver, the
 * embedded server and H2. The launcher {@code ./xxgk} runs this after each build; nothing else does.
 */
public final class ShortCommandTraining {

    private ShortCommandTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Files.createTempDirectory("xxgk-training");
        try {
            String url = "http://www.example.gov.cn/nb/2024.html";
            byte[] body = "<html><title>2024年政府信息公开工作年度报告</title></html>".getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(data.resolve("body"), body);
            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
                archive.blobs().put(file, Sha256.of(body), body.length);
                archive.captures().record(new Capture(null, url, url, 200, List.of(new HttpHeader("Content-Type", "text/html")),
                        Instant.now(), Sha256.of(body), body.length, "text/html", "example", "training", Optional.empty(),
                        Optional.empty(), Optional.empty(), "GET"));
            }
            String dir = data.toString();
            Xxgk.run("get", url, "-o", data.resolve("got").toString(), "--data", dir);
            Xxgk.run("list", "--data", dir);
            Xxgk.run("list", "--json", "--data", dir);
            Xxgk.run("captures", url, "--data", dir);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
