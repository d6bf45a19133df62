package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.url.WebURL;
import xxgk.crawler.fetch.HostPoliteness;

/** The per-host queues over crawler4j's real HSQLDB frontier: who gets what, in which order, and what a restart keeps. */
class HostScheduleTest {

    @TempDir
    Path dir;

    private FrontierConfiguration open(HostPoliteness politeness) {
        return open(politeness, urls -> { }, (seed, done) -> done.run());
    }

    private FrontierConfiguration open(HostPoliteness politeness, Consumer<List<String>> upcoming, HostSchedule.Opening opening) {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(dir.toString());
        config.setResumableCrawling(true);
        return HostSchedule.over(new HSQLDBFrontierConfiguration(config, 2), Crawl.jdbcUrl(dir), politeness, upcoming, opening);
    }

    private static void schedule(FrontierConfiguration frontier, String url, int priority) {
        WebURL webUrl = frontier.getWebURLFactory().newWebUrl();
        webUrl.setURL(url);
        webUrl.setPriority((byte) priority);
        webUrl.setDocid(frontier.getDocIDServer().getNewDocID(url));
        frontier.getFrontier().schedule(webUrl);
    }

    private static WebURL next(Frontier frontier) {
        List<WebURL> got = new ArrayList<>();
        frontier.getNextURLs(1, got);
        return got.get(0);
    }

    @Test
    void bestFirstWithinAHostAndOneUrlOfAHostOutAtATime() throws Exception {
        FrontierConfiguration frontier = open(new HostPoliteness(host -> Duration.ofSeconds(1)));
        schedule(frontier, "http://a.gov.cn/low", 5);
        schedule(frontier, "http://a.gov.cn/high", 9);
        schedule(frontier, "http://b.gov.cn/middle", 7);
        Frontier queues = frontier.getFrontier();

        WebURL first = next(queues);
        assertThat(first.getURL()).as("the best URL of all").isEqualTo("http://a.gov.cn/high");
        assertThat(next(queues).getURL()).as("a.gov.cn is out: b's best").isEqualTo("http://b.gov.cn/middle");

        CompletableFuture<WebURL> third = CompletableFuture.supplyAsync(() -> next(queues));
        assertThat(third).as("a.gov.cn's next waits for its first to be done").isNotCompleted();
        queues.setProcessed(first);
        assertThat(third.get(10, TimeUnit.SECONDS).getURL()).isEqualTo("http://a.gov.cn/low");
        assertThat(queues.getNumberOfProcessedPages()).as("marked done in the table").isEqualTo(1);
        assertThat(queues.getQueueLength()).isZero();
        frontier.close();
    }

    @Test
    void aHostWithoutDelayHasItsNextUrlHandedOutWhileARequestIsUnderWayAndNoMore() throws Exception {
        HostPoliteness politeness = new HostPoliteness(host -> Duration.ZERO);
        FrontierConfiguration frontier = open(politeness);
        for (int i = 1; i <= 3; i++) {
            schedule(frontier, "http://a.gov.cn/" + i, 9);
        }
        Frontier queues = frontier.getFrontier();

        assertThat(next(queues).getURL()).isEqualTo("http://a.gov.cn/1");
        HostPoliteness.Turn request = politeness.acquire("a.gov.cn");
        assertThat(next(queues).getURL()).as("handed out to wait for the turn").isEqualTo("http://a.gov.cn/2");
        CompletableFuture<WebURL> third = CompletableFuture.supplyAsync(() -> next(queues));
        assertThat(third).as("two out: the third waits for a request to end").isNotCompleted();
        request.close();
        assertThat(third.get(10, TimeUnit.SECONDS).getURL()).isEqualTo("http://a.gov.cn/3");
        frontier.close();
    }

    @Test
    void theUrlsAHostWillHandOutNextAreAnnouncedTogetherBeforeTheFirst() {
        List<List<String>> announced = new ArrayList<>();
        FrontierConfiguration frontier = open(new HostPoliteness(host -> Duration.ZERO), announced::add, (seed, done) -> done.run());
        for (int i = 10; i < 30; i++) {
            schedule(frontier, "http://a.gov.cn/" + i, 9);
        }
        Frontier queues = frontier.getFrontier();

        WebURL first = next(queues);
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0)).hasSize(16).first().isEqualTo(first.getURL());
        assertThat(announced.get(0)).last().isEqualTo("http://a.gov.cn/25");
        for (int i = 1; i < 16; i++) {
            queues.setProcessed(next(queues));
        }
        assertThat(announced).as("the next 15 were announced with the first").hasSize(1);
        next(queues);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(1)).containsExactly("http://a.gov.cn/26", "http://a.gov.cn/27", "http://a.gov.cn/28",
                "http://a.gov.cn/29");
        frontier.close();
    }

    @Test
    void aBetterUrlFoundWhileAHostsNextUrlsAreBufferedIsHandedOutBeforeThem() {
        List<List<String>> announced = new ArrayList<>();
        FrontierConfiguration frontier = open(new HostPoliteness(host -> Duration.ZERO), announced::add, (seed, done) -> done.run());
        for (int i = 10; i < 40; i++) {
            schedule(frontier, "http://a.gov.cn/" + i, 5);
        }
        Frontier queues = frontier.getFrontier();
        queues.setProcessed(next(queues));
        schedule(frontier, "http://a.gov.cn/better", 9);
        schedule(frontier, "http://a.gov.cn/worse", 1);

        assertThat(announced).as("the better one announced as it went into the buffer").last().isEqualTo(List.of("http://a.gov.cn/better"));
        List<String> order = new ArrayList<>();
        while (queues.getQueueLength() > 0) {
            WebURL url = next(queues);
            order.add(url.getURL());
            queues.setProcessed(url);
        }
        assertThat(order).hasSize(31).startsWith("http://a.gov.cn/better", "http://a.gov.cn/11").endsWith("http://a.gov.cn/39", "http://a.gov.cn/worse");
        frontier.close();
    }

    @Test
    void manyHostsWithMoreUrlsThanAllBuffersHoldHandOutEachUrlOnceBestFirstWithinItsHost() {
        FrontierConfiguration frontier = open(new HostPoliteness(host -> Duration.ZERO));
        Frontier queues = frontier.getFrontier();
        int hosts = 300;
        int links = 20;
        for (int h = 0; h < hosts; h++) {
            schedule(frontier, "http://h" + h + ".gov.cn/", 9);
        }
        for (int h = 0; h < hosts; h++) {
            queues.setProcessed(next(queues));
        }
        java.util.Random random = new java.util.Random(12);
        for (int h = 0; h < hosts; h++) {
            List<WebURL> page = new ArrayList<>();
            for (int i = 0; i < links; i++) {
                WebURL link = frontier.getWebURLFactory().newWebUrl();
                link.setURL("http://h" + h + ".gov.cn/" + i);
                link.setPriority((byte) random.nextInt(8));
                link.setDocid(frontier.getDocIDServer().getNewDocID(link.getURL()));
                page.add(link);
            }
            queues.scheduleAll(page); // a page's links: more than all buffers hold, once a few hundred hosts have theirs
        }
        java.util.Map<String, List<WebURL>> byHost = new java.util.HashMap<>();
        while (queues.getQueueLength() > 0) {
            WebURL url = next(queues);
            byHost.computeIfAbsent(HostSchedule.host(url.getURL()), k -> new ArrayList<>()).add(url);
            queues.setProcessed(url);
        }
        assertThat(byHost).hasSize(hosts);
        for (List<WebURL> handedOut : byHost.values()) {
            assertThat(handedOut).extracting(WebURL::getURL).doesNotHaveDuplicates().hasSize(links);
            assertThat(handedOut).extracting(url -> HostSchedule.turn(url.getPriority(), url.getDocid())).isSorted();
        }
        assertThat(queues.getNumberOfProcessedPages()).isEqualTo((long) hosts * (links + 1));
        frontier.close();
    }

    @Test
    void aSeedsHostIsHandedOutOnceItIsOpenedAndAHostFoundByALinkAtOnce() throws Exception {
        List<String> opened = new ArrayList<>();
        List<Runnable> toFinish = new ArrayList<>();
        FrontierConfiguration frontier = open(new HostPoliteness(host -> Duration.ZERO), urls -> { }, (seed, done) -> {
                    opened.add(seed);
                    toFinish.add(done);
                });
        schedule(frontier, "http://a.gov.cn/", 9);
        schedule(frontier, "http://a.gov.cn/other-seed", 9);
        WebURL link = frontier.getWebURLFactory().newWebUrl();
        link.setURL("http://b.gov.cn/found");
        link.setDepth((short) 1);
        link.setPriority((byte) 1);
        link.setDocid(frontier.getDocIDServer().getNewDocID(link.getURL()));
        frontier.getFrontier().schedule(link);
        Frontier queues = frontier.getFrontier();

        assertThat(opened).as("one opening per host, for seeds only").containsExactly("http://a.gov.cn/");
        assertThat(next(queues).getURL()).as("a.gov.cn, though better, is being opened").isEqualTo("http://b.gov.cn/found");
        CompletableFuture<WebURL> seed = CompletableFuture.supplyAsync(() -> next(queues));
        assertThat(seed).isNotCompleted();
        toFinish.get(0).run();
        assertThat(seed.get(10, TimeUnit.SECONDS).getURL()).isEqualTo("http://a.gov.cn/");
        frontier.close();
    }

    @Test
    void aHostIsNotHandedOutBeforeItsDelayRunsOut() throws Exception {
        HostPoliteness politeness = new HostPoliteness(host -> Duration.ofMillis(400));
        FrontierConfiguration frontier = open(politeness);
        schedule(frontier, "http://a.gov.cn/1", 9);
        schedule(frontier, "http://a.gov.cn/2", 9);
        Frontier queues = frontier.getFrontier();

        WebURL first = next(queues);
        politeness.acquire("a.gov.cn").close(); // the request for it, ended now
        long ended = System.nanoTime();
        queues.setProcessed(first);
        WebURL second = next(queues);
        assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(second.getURL()).isEqualTo("http://a.gov.cn/2");
        frontier.close();
    }

    @Test
    void aRestartedScheduleKnowsTheQueuesLeftBehindAndHandsOutAgainWhatWasNotDone() {
        FrontierConfiguration frontier = open(new HostPoliteness(host -> Duration.ZERO));
        schedule(frontier, "http://a.gov.cn/1", 3);
        schedule(frontier, "http://b.gov.cn/1", 4);
        schedule(frontier, "http://b.gov.cn/2", 8);
        schedule(frontier, "http://b.gov.cn/3", 2);
        Frontier queues = frontier.getFrontier();
        queues.setProcessed(next(queues));
        assertThat(next(queues).getURL()).isEqualTo("http://b.gov.cn/1");
        frontier.close();

        FrontierConfiguration again = open(new HostPoliteness(host -> Duration.ZERO));
        assertThat(again.getFrontier().getQueueLength()).as("b.gov.cn/2 done; b.gov.cn/1 handed out, not done").isEqualTo(3);
        assertThat(next(again.getFrontier()).getURL()).isEqualTo("http://b.gov.cn/1");
        again.close();
    }
}
