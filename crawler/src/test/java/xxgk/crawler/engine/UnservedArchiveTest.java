package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveHolder;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.EmbeddedArchiveClient;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.config.SiteConfig;
import xxgk.crawler.cli.Xxgk;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;

/**
 * A crawl (a process of its own) that joined another process's embedded archive, when nobody can serve it any more:
 * the owner is stopped (SIGSTOP), or it died and its port was taken before the crawl could serve the archive there.
 * The crawl must neither hang nor go on fetching what it cannot keep: it stops with one line saying why and what to
 * do, status 1, and the same crawl continues the run once the archive can be served again.
 */
class UnservedArchiveTest {

    private static final int PAGES = 20;
    /** How long a crawl may take to give up on an archive nobody serves: the owner watch's 10 s and a margin. */
    private static final long GIVE_UP_SECONDS = 60;

    @TempDir
    Path dir;
    private Path data;
    private Path config;
    private Process owner;
    private HeldPortal portal;

    @BeforeEach
    void ownerAndPortal() throws IOException {
        data = dir.resolve("data");
        owner = java(ArchiveHolder.class.getName(), data.toString(), "owner").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8)).readLine()).isEqualTo("ready");
        portal = new HeldPortal(PAGES);
        config = Files.writeString(dir.resolve("sites.yaml"), """
                sites:
                  - id: p
                    seeds: [http://127.0.0.1:%d/]
                    delay: 0s
                """.formatted(portal.port()));
    }

    @AfterEach
    void close() throws Exception {
        signal("CONT", owner);
        owner.destroyForcibly();
        portal.close();
    }

    @Test
    void aCrawlWaitingOnAStoppedOwnerStopsSayingSoAndTheSameCrawlContinuesIt() throws Exception {
        Process crawl = crawlProcess();
        assertThat(portal.midway()).isTrue();
        signal("STOP", owner);
        portal.goOn(); // the crawl archives the page it waited for: the stopped owner does not answer

        assertThat(crawl.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)).as("the crawl still waits on the stopped owner").isTrue();
        assertThat(crawl.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("crawl.err")).strip())
                .endsWith("(pid " + owner.pid() + ") is stopped and does not answer: resume it (kill -CONT " + owner.pid()
                        + ") or end it, then run this again (a crawl continues where it stopped)");

        signal("CONT", owner);
        Writer done = new OutputStreamWriter(owner.getOutputStream(), StandardCharsets.UTF_8);
        done.write("done\n");
        done.flush();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertTheSameCrawlFinishesTheRun();
    }

    @Test
    void aCrawlThatCannotTakeOverFromADeadOwnerStopsSayingSoAndTheSameCrawlContinuesIt() throws Exception {
        Process crawl = crawlProcess();
        assertThat(portal.midway()).isTrue();
        int port = EmbeddedArchiveClient.port(data);
        // The crawl is held still while its owner dies and someone else takes the port, so it cannot be first.
        signal("STOP", crawl);
        owner.destroyForcibly();
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            signal("CONT", crawl);
            portal.goOn();
            assertThat(crawl.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)).as("the crawl still waits for an archive nobody serves").isTrue();
        }
        assertThat(crawl.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("crawl.err")).strip())
                .contains("has gone, and this one cannot take it over (").contains("Address already in use")
                .endsWith("run this again (a crawl continues where it stopped)");
        assertTheSameCrawlFinishesTheRun();
    }

    private void assertTheSameCrawlFinishesTheRun() throws Exception {
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty())); TextExtractor extractor = new TextExtractor()) {
            Crawl.Options options = new Crawl.Options(2, new HttpFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                    Duration.ofMillis(20)), ResolveOverrides.none(), Duration.ofMinutes(1));
            CrawlRun run = new Crawl(archive, data, extractor, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run(SiteConfig.load(config).sites(), options);
            assertThat(run.status()).isEqualTo(CrawlRun.Status.FINISHED);
            assertThat(archive.runs().all()).singleElement().extracting(CrawlRun::id).isEqualTo(run.id());
            assertThat(archive.captures().latestPerUrl(Optional.of("p")).stream().map(Capture::url))
                    .hasSize(PAGES + 2).contains("http://127.0.0.1:" + portal.port() + "/p3.html");
        }
    }

    private Process crawlProcess() throws IOException {
        return java(Xxgk.class.getName(), "crawl", "--quiet", "--config", config.toString(), "--data", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("crawl.err").toFile()).start();
    }

    private static ProcessBuilder java(String... mainAndArgs) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        return new ProcessBuilder(command);
    }

    private static void signal(String signal, Process process) throws Exception {
        if (process.isAlive()) {
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
        }
    }
}
