package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.SiteConfig;
import xxgk.crawler.cli.RealCli;
import xxgk.crawler.cli.Xxgk;
import xxgk.crawler.demo.SamplePortal;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/** A crawl killed with SIGKILL leaves a consistent archive, and the next crawl continues the same run to the end. */
class KilledCrawlTest {

    @TempDir
    Path dir;

    @Test
    void theNextCrawlContinuesAKilledOne() throws Exception {
        try (SamplePortal portal = SamplePortal.start()) {
            Path config = config(portal);
            Path data = dir.resolve("data");
            List<String> command = crawlCommand(portal, config, data);
            Process crawl = new ProcessBuilder(command).redirectError(dir.resolve("crawl.err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(crawl.getInputStream(), StandardCharsets.UTF_8));
            String firstRun = out.readLine().replaceAll("^crawl (\\S+):.*", "$1");
            String progress = out.readLine(); // the first progress line: the crawl is under way
            assertThat(progress).as(() -> readQuietly(dir.resolve("crawl.err"))).isNotNull();
            assertThat(progress).contains(" pages ");
            awaitRequests(portal, 8); // some pages in, past the embedded store's once-a-second commit
            crawl.destroyForcibly();
            assertThat(crawl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(data.resolve("frontier")).exists();

            // The next command that looks says the run's process died, and when that was noticed.
            String runs = RealCli.run("runs", "--json", "--data", data.toString()).text();
            assertThat(runs).contains("\"id\":\"" + firstRun + "\",\"status\":\"interrupted\"").contains("\"phase\":\"fetch\"")
                    .doesNotContain("\"interrupted_at\":null");

            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
                 TextExtractor extractor = new TextExtractor()) {
                long before = archive.captures().count();
                assertThat(before).isPositive();
                for (Capture c : archive.captures().latestPerUrl(Optional.empty())) {
                    try (InputStream in = archive.blobs().open(c.sha256())) {
                        in.readAllBytes(); // every recorded capture's bytes are whole (verified against the digest)
                    }
                }
                Crawl.Options options = new Crawl.Options(2, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                        Duration.ofMillis(50)), ResolveOverrides.parse(portal.resolveSpecs()),
                        Duration.ofMinutes(1));
                CrawlRun resumed = new Crawl(archive, data, extractor, new PrintStream(new ByteArrayOutputStream()))
                        .run(SiteConfig.load(config).sites(), options);
                assertThat(resumed.id()).isEqualTo(firstRun);
                assertThat(resumed.status()).isEqualTo(CrawlRun.Status.FINISHED);

                Map<String, Capture> archived = archive.captures().latestPerUrl(Optional.empty()).stream()
                        .collect(Collectors.toMap(Capture::url, c -> c));
                for (Map.Entry<String, byte[]> served : portal.served().entrySet()) {
                    if (served.getKey().contains("www.harbin.gov.cn")) {
                        assertThat(archived).as(served.getKey()).containsKey(served.getKey());
                    }
                }
            }
        }
    }

    /**
     * Answers fetched but not yet archived when the process died are in the ingest journal (their URLs done in the
     * frontier): the next crawl archives them first, under the capture ids the dead process gave them.
     */
    @Test
    void answersFetchedButNotArchivedWhenTheProcessDiedAreArchivedByTheNextCrawl() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("src/main/resources/sample-portal/www.harbin.gov.cn/zwgk/zfxxgknb/sbj/202203/P020220330604338716552.pdf"));
        int reports = 40;
        try (MockWebServer portal = new MockWebServer()) {
            portal.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    if (path.equals("/")) {
                        String links = IntStream.range(0, reports).mapToObj(i -> "<a href=\"/r" + i + ".pdf\">report " + i + "</a>")
                                .collect(Collectors.joining("\n"));
                        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                                .body("<html><body>" + links + "</body></html>").build();
                    }
                    if (path.matches("/r\\d+\\.pdf")) {
                        // Each a distinct original, so that each has its text extracted: the archiving falls behind.
                        return new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
                                .body(new Buffer().write(pdf).writeUtf8("\n%" + path + "\n")).build();
                    }
                    return new MockResponse.Builder().code(404).build();
                }
            });
            portal.start(InetAddress.getByName("127.0.0.1"), 0);
            Path config = Files.writeString(dir.resolve("sites.yaml"), """
                    sites:
                      - id: quick
                        seeds: [%s]
                        delay: 0s
                    """.formatted(portal.url("/")));
            Path data = dir.resolve("data");
            Path journal = data.resolve("ingest");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Xxgk.class.getName(), "crawl", "--config", config.toString(),
                    "--data", data.toString()));
            Process crawl = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("crawl.out").toFile()).start();
            Map<String, ObjectId> unarchived = freezeWithAnswersInTheJournal(crawl, journal);
            crawl.destroyForcibly(); // SIGKILL, which a stopped process takes too
            assertThat(crawl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(unarchived).as(() -> readQuietly(dir.resolve("crawl.out"))).isNotEmpty();

            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
                 TextExtractor extractor = new TextExtractor()) {
                for (String url : unarchived.keySet()) {
                    assertThat(archive.captures().history(url)).as(url + " not archived by the killed crawl").isEmpty();
                }
                ByteArrayOutputStream said = new ByteArrayOutputStream();
                Crawl.Options options = new Crawl.Options(2, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                        Duration.ofMillis(50)), ResolveOverrides.none(), Duration.ofMinutes(1));
                CrawlRun resumed = new Crawl(archive, data, extractor, new PrintStream(said, true, StandardCharsets.UTF_8))
                        .run(SiteConfig.load(config).sites(), options);
                assertThat(resumed.status()).isEqualTo(CrawlRun.Status.FINISHED);
                assertThat(said.toString(StandardCharsets.UTF_8)).contains("had fetched but not archived: archived now");
                // Each under the id the dead process gave it; robots.txt, which every run asks anew, has this run's besides.
                for (Map.Entry<String, ObjectId> answer : unarchived.entrySet()) {
                    assertThat(archive.captures().history(answer.getKey())).as(answer.getKey())
                            .filteredOn(c -> c.kind() == Capture.Kind.RESPONSE).extracting(Capture::id).contains(answer.getValue());
                }
                // Every report archived, its bytes once: one the frontier's last moments before the kill left undone
                // is fetched again, and is then a revisit of the answer the journal gave.
                for (int i = 0; i < reports; i++) {
                    assertThat(archive.captures().history(portal.url("/r" + i + ".pdf").toString())).as("report " + i)
                            .filteredOn(c -> c.kind() == Capture.Kind.RESPONSE).hasSize(1);
                }
                assertThat(journal).isEmptyDirectory();
            }
        }
    }

    /** A journal entry the previous release left (two lines of extended JSON, not BSON) is archived by the next crawl all the same. */
    @Test
    void anAnswerTheReleaseBeforeLeftInTheJournalIsArchivedByTheNextCrawl() throws Exception {
        Path journal = Files.createDirectories(dir.resolve("data").resolve("ingest"));
        Path left = Path.of("src/test/resources/ingest-journal-0.1.0");
        try (var files = Files.list(left)) {
            for (Path file : files.toList()) {
                Files.copy(file, journal.resolve(file.getFileName()));
            }
        }
        byte[] body = Files.readAllBytes(left.resolve("65f0a1b2c3d4e5f601234567.body"));
        try (MockWebServer portal = new MockWebServer()) {
            portal.start(InetAddress.getByName("127.0.0.1"), 0);
            Path config = Files.writeString(dir.resolve("sites.yaml"), """
                    sites:
                      - id: quick
                        seeds: [%s]
                        delay: 0s
                    """.formatted(portal.url("/")));
            try (Archive archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()));
                 TextExtractor extractor = new TextExtractor()) {
                ByteArrayOutputStream said = new ByteArrayOutputStream();
                Crawl.Options options = new Crawl.Options(1, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 1,
                        Duration.ofMillis(50)), ResolveOverrides.none(), Duration.ofMinutes(1));
                new Crawl(archive, dir.resolve("data"), extractor, new PrintStream(said, true, StandardCharsets.UTF_8))
                        .run(SiteConfig.load(config).sites(), options);
                assertThat(said.toString(StandardCharsets.UTF_8)).contains("had fetched but not archived: archived now");
                List<Capture> history = archive.captures().history("http://www.example.gov.cn/list/index.html");
                assertThat(history).extracting(Capture::id).containsExactly(new ObjectId("65f0a1b2c3d4e5f601234567"));
                assertThat(history.get(0).anchor()).contains("年报");
                assertThat(history.get(0).exchange().orElseThrow().remoteAddress()).contains("127.0.0.1");
                try (InputStream in = archive.blobs().open(history.get(0).sha256())) {
                    assertThat(in.readAllBytes()).isEqualTo(body);
                }
                assertThat(archive.texts().get(history.get(0).sha256()).orElseThrow().text()).contains("2023年报告");
            }
        }
        assertThat(journal).isEmptyDirectory();
    }

    /**
     * Stops the crawl (SIGSTOP) at a moment its ingest journal holds answers, and returns them, URL to capture id;
     * empty if the crawl ended first.
     */
    private static Map<String, ObjectId> freezeWithAnswersInTheJournal(Process crawl, Path journal) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (crawl.isAlive() && System.nanoTime() < deadline) {
            if (entries(journal).size() < 3) {
                Thread.onSpinWait();
                continue;
            }
            new ProcessBuilder("kill", "-STOP", Long.toString(crawl.pid())).start().waitFor();
            Map<String, ObjectId> frozen = new HashMap<>();
            for (Path entry : entries(journal)) {
                Capture c = IngestJournal.read(entry).capture();
                frozen.put(c.url(), c.id());
            }
            if (!frozen.isEmpty()) {
                return frozen;
            }
            new ProcessBuilder("kill", "-CONT", Long.toString(crawl.pid())).start().waitFor();
        }
        return Map.of();
    }

    private static List<Path> entries(Path journal) throws java.io.IOException {
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (var files = Files.list(journal)) {
            return files.filter(f -> f.toString().endsWith(IngestJournal.ENTRY)).toList();
        }
    }

    @Test
    void aStoppedCrawlIsRecordedStoppedAndTheSameCommandContinuesIt() throws Exception {
        try (SamplePortal portal = SamplePortal.start()) {
            Path config = config(portal);
            Path data = dir.resolve("data");
            List<String> command = crawlCommand(portal, config, data);
            // Its output goes to a file: destroying a process closes the pipes it wrote to.
            Process crawl = new ProcessBuilder(command).redirectError(dir.resolve("crawl.err").toFile())
                    .redirectOutput(dir.resolve("crawl.out").toFile()).start();
            awaitRequests(portal, 4); // the crawl is under way once it has asked a few pages
            crawl.destroy(); // SIGTERM, as systemd and kill send it
            assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).as(() -> readQuietly(dir.resolve("crawl.err"))).isTrue();
            List<String> out = Files.readAllLines(dir.resolve("crawl.out"));
            String firstRun = out.stream().filter(line -> line.startsWith("crawl ")).findFirst().orElseThrow()
                    .replaceAll("^crawl (\\S+):.*", "$1");
            assertThat(out).anyMatch(line -> line.contains(firstRun + " stopped"));
            assertThat(data.resolve("frontier")).exists();

            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
                 TextExtractor extractor = new TextExtractor()) {
                assertThat(archive.runs().get(firstRun).orElseThrow().status()).isEqualTo(CrawlRun.Status.STOPPED);
                Crawl.Options options = new Crawl.Options(2, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                        Duration.ofMillis(50)), ResolveOverrides.parse(portal.resolveSpecs()), Duration.ofMinutes(1));
                CrawlRun resumed = new Crawl(archive, data, extractor, new PrintStream(new ByteArrayOutputStream()))
                        .run(SiteConfig.load(config).sites(), options);
                assertThat(resumed.id()).isEqualTo(firstRun);
                assertThat(resumed.status()).isEqualTo(CrawlRun.Status.FINISHED);
            }
        }
    }

    @Test
    void aCrawlKilledWhileCataloguingIsNotFinishedAndCheckRepairBuildsItsCatalogue() throws Exception {
        try (SamplePortal portal = SamplePortal.start()) {
            Path config = config(portal);
            Path data = dir.resolve("data");
            Process crawl = new ProcessBuilder(crawlCommand(portal, config, data)).redirectError(dir.resolve("crawl.err").toFile())
                    .redirectOutput(dir.resolve("crawl.out").toFile()).start();
            // The frontier goes once fetching is over and recorded: the reports are being catalogued then.
            awaitFile(data.resolve("frontier"), true);
            awaitFile(data.resolve("frontier"), false);
            crawl.destroyForcibly();
            assertThat(crawl.waitFor(30, TimeUnit.SECONDS)).isTrue();

            String interrupted = RealCli.run("runs", "--data", data.toString()).text();
            assertThat(interrupted).as(() -> readQuietly(dir.resolve("crawl.out"))).contains("interrupted while cataloguing");
            RealCli.Result check = RealCli.run("check", "--data", data.toString());
            assertThat(check.status()).isEqualTo(1);
            assertThat(check.text()).contains("interrupted while cataloguing its reports (check --repair builds the catalogue)");

            RealCli.Result repair = RealCli.run("check", "--repair", "--data", data.toString());
            assertThat(repair.status()).as(repair.text()).isZero();
            assertThat(repair.text()).containsPattern("repaired: run \\S+: catalogue built \\([1-9]\\d* reports of harbin\\)");
            assertThat(RealCli.run("reports", "--data", data.toString()).text()).contains("harbin");
            String finished = RealCli.run("runs", "--json", "--data", data.toString()).text();
            assertThat(finished).contains("\"status\":\"finished\"").contains("\"phase\":\"done\"")
                    .doesNotContain("\"catalogue_rebuilt_at\":null");
            assertThat(RealCli.run("runs", "--data", data.toString()).text()).contains("finished (interrupted, catalogued later)");
        }
    }

    /** Waits (two minutes at most) until the file exists, or no longer does. */
    private static void awaitFile(Path file, boolean exists) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (Files.exists(file) != exists && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Files.exists(file)).as(file + (exists ? " made" : " removed")).isEqualTo(exists);
    }

    /** Waits (a minute at most) until the portal has answered n requests. */
    private static void awaitRequests(SamplePortal portal, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (portal.requestCount() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** The sample portal's harbin site, slow enough (300 ms a request) to be caught in the middle of its crawl. */
    private Path config(SamplePortal portal) throws java.io.IOException {
        return Files.writeString(dir.resolve("sites.yaml"), """
                sites:
                  - id: harbin
                    seeds: [%s]
                    scope: [www.harbin.gov.cn]
                    delay: 300ms
                """.formatted(portal.home()));
    }

    /** xxgk crawl in a JVM of its own, as the launcher runs it. */
    private static List<String> crawlCommand(SamplePortal portal, Path config, Path data) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Xxgk.class.getName(), "crawl", "--config", config.toString(),
                "--data", data.toString()));
        portal.resolveSpecs().forEach(spec -> command.addAll(List.of("--resolve", spec)));
        return command;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
