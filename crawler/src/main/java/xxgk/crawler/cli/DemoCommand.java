package xxgk.crawler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.text.TextExtractor;
import xxgk.crawler.demo.SamplePortal;
import xxgk.crawler.engine.Crawl;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

@Command(name = "demo", description = "Serve the bundled sample portal on 127.0.0.1, crawl it into a temporary archive, and show what was archived.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws Exception {
        // Only a --data given here, never $XXGK_DATA: the sample portal does not belong in a real archive.
        Path dir = xxgk.global.data != null ? Files.createDirectories(xxgk.global.data) : Files.createTempDirectory("xxgk-demo-");
        // The portal's port is in every URL it serves: a demo continued in the same directory asks for the same one.
        Path portFile = dir.resolve("demo.port");
        int port = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).strip()) : 0;
        try (SamplePortal portal = SamplePortal.start(port);
             Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
             TextExtractor extractor = new TextExtractor()) {
            Files.writeString(portFile, portal.port() + "\n");
            // Crawled before: the portal has since corrected a report, so a second demo shows a change and both versions.
            if (archive.captures().count() > 0) {
                portal.publishCorrection();
            }
            System.out.println("sample portal: " + portal.hosts() + " on 127.0.0.1:" + portal.port());
            System.out.println("archive: " + archive.location().describe());
            Crawl.Options options = new Crawl.Options(4, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                    Duration.ofMillis(200)), ResolveOverrides.parse(portal.resolveSpecs()), Duration.ofSeconds(2));
            new Crawl(archive, dir, extractor, System.out, xxgk.global.progress()).run(portal.sites(Duration.ofMillis(100)), options);

            List<Capture> captures = archive.captures().latestPerUrl(Optional.empty());
            Map<String, Long> byType = captures.stream().collect(Collectors.groupingBy(
                    c -> c.status() + " " + (c.contentType().isEmpty() ? "-" : c.contentType().split(";")[0]), TreeMap::new, Collectors.counting()));
            System.out.println();
            System.out.println("archived " + captures.size() + " URLs:");
            byType.forEach((type, n) -> System.out.printf("  %4d  %s%n", n, type));
            // By its content: after a second crawl a PDF's latest capture is a 304 revisit of it.
            String pdf = archive.captures().latestContentPerUrl(Optional.empty()).stream().filter(c -> c.url().endsWith(".pdf") && c.status() == 200)
                    .map(Capture::url).findFirst().orElse("URL");
            String data = "--data " + dir;
            System.out.println();
            System.out.println("try:");
            System.out.println("  ./xxgk reports " + data);
            System.out.println("  ./xxgk reports --json --site hulan " + data);
            System.out.println("  ./xxgk deadlines --year 2021 " + data);
            System.out.println("  ./xxgk export --format csv -o reports.csv " + data);
            System.out.println("  ./xxgk list " + data);
            System.out.println("  ./xxgk list --json --site hulan " + data);
            System.out.println("  ./xxgk text '" + pdf + "' " + data + " | head -20");
            System.out.println("  ./xxgk get '" + pdf + "' -o report.pdf " + data);
            System.out.println("  ./xxgk captures '" + pdf + "' " + data);
            System.out.println("  ./xxgk runs " + data);
            System.out.println("  ./xxgk changes " + data);
            System.out.println("  ./xxgk serve " + data + "    (then open http://127.0.0.1:8080/)");
        }
        return 0;
    }
}
