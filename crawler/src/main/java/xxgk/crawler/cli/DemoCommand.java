package xxgk.crawler.cli;

import java.net.URI;
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
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.demo.SamplePortal;
import xxgk.crawler.engine.Crawl;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

@Command(name = "demo", description = "Serve the bundled sample portal on 127.0.0.1, crawl it into a temporary archive, and show what was archived.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Archive into DIR instead of a new temporary directory.")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : Files.createTempDirectory("xxgk-demo-");
        try (SamplePortal portal = SamplePortal.start();
             Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()));
             TextExtractor extractor = new TextExtractor()) {
            System.out.println("sample portal: " + portal.hosts() + " on 127.0.0.1:" + portal.port());
            System.out.println("archive: " + archive.location().describe());
            Crawl.Options options = new Crawl.Options(4, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                    Duration.ofMillis(200)), ResolveOverrides.parse(portal.hosts().stream()
                    .map(h -> h + ":" + portal.port() + ":127.0.0.1").toList()), Duration.ofSeconds(2));
            new Crawl(archive, dir, extractor, System.out).run(sites(portal), options);

            List<Capture> captures = archive.captures().latestPerUrl(Optional.empty());
            Map<String, Long> byType = captures.stream().collect(Collectors.groupingBy(
                    c -> c.status() + " " + (c.contentType().isEmpty() ? "-" : c.contentType().split(";")[0]), TreeMap::new, Collectors.counting()));
            System.out.println();
            System.out.println("archived " + captures.size() + " URLs:");
            byType.forEach((type, n) -> System.out.printf("  %4d  %s%n", n, type));
            String pdf = captures.stream().filter(c -> c.url().endsWith(".pdf") && c.status() == 200).map(Capture::url).findFirst().orElse("URL");
            String data = "--data " + dir;
            System.out.println();
            System.out.println("try:");
            System.out.println("  ./xxgk list " + data);
            System.out.println("  ./xxgk list --json --site hulan " + data);
            System.out.println("  ./xxgk text '" + pdf + "' " + data + " | head -20");
            System.out.println("  ./xxgk get '" + pdf + "' -o report.pdf " + data);
            System.out.println("  ./xxgk runs " + data);
        }
        return 0;
    }

    /** The portal's four sites, as a user would configure them (the portal serves all hosts on one port). */
    private static List<Site> sites(SamplePortal portal) {
        return List.of(
                site("harbin", "哈尔滨市人民政府", portal.home(), "www.harbin.gov.cn"),
                site("hulan", "哈尔滨市呼兰区人民政府", portal.url("www.hulan.gov.cn", "/hebhlq/2023/zfxxgklby_zc.shtml"), "www.hulan.gov.cn"),
                site("suifenhe", "绥芬河市人民政府", portal.url("www.suifenhe.gov.cn", "/"), "www.suifenhe.gov.cn"),
                site("nangang", "哈尔滨市南岗区人民政府", portal.url("ngqxxgk.harbin.gov.cn", "/col/col126585/index.html"), "ngqxxgk.harbin.gov.cn"));
    }

    private static Site site(String id, String name, String seed, String host) {
        return new Site(id, name, List.of(URI.create(seed)), List.of(host), Duration.ofMillis(100), 8, 500, 50L << 20,
                "xxgk-demo/0.1 (sample portal on 127.0.0.1)", Optional.empty(), List.of());
    }
}
