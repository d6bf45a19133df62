package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.url.WebURL;
import xxgk.crawler.fetch.HostPoliteness;

/** The crawl's seen set in crawler4j's real HSQLDB frontier table: one id per URL, kept when a killed run is continued. */
class FrontierDocIdsTest {

    @TempDir
    Path dir;

    private FrontierConfiguration open() {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(dir.toString());
        config.setResumableCrawling(true);
        return HostSchedule.over(new HSQLDBFrontierConfiguration(config, 2), Crawl.jdbcUrl(dir),
                new HostPoliteness(host -> java.time.Duration.ZERO), urls -> { }, (seed, done) -> done.run());
    }

    @Test
    void aUrlAddedByAnotherThreadBetweenFindingItUnknownAndAskingForItsIdKeepsTheIdItWasGiven() throws Exception {
        FrontierConfiguration frontier = open();
        DocIDServer ids = frontier.getDocIDServer();
        for (int others : new int[] {10, 600}) { // fewer URLs added since than are remembered, and more
            String url = "http://a.gov.cn/x" + others;
            assertThat(ids.getDocId(url)).isEqualTo(-1);
            int given = CompletableFuture.supplyAsync(() -> {
                int id = ids.getNewDocID(url);
                for (int i = 0; i < others; i++) {
                    ids.getNewDocID("http://b.gov.cn/" + others + "/" + i);
                }
                return id;
            }).get();
            assertThat(ids.getNewDocID(url)).isEqualTo(given);
        }
        assertThat(ids.getDocCount()).isEqualTo(612);
        frontier.close();
    }

    @Test
    void aUrlHasOneIdForTheWholeRunAndANewUrlANewOne() {
        FrontierConfiguration frontier = open();
        DocIDServer ids = frontier.getDocIDServer();
        assertThat(ids.getDocId("http://a.gov.cn/")).as("not seen").isEqualTo(-1);
        int a = ids.getNewDocID("http://a.gov.cn/");
        int b = ids.getNewDocID("http://a.gov.cn/b");
        assertThat(a).isPositive();
        assertThat(b).isNotEqualTo(a);
        assertThat(ids.getNewDocID("http://a.gov.cn/")).as("asked again").isEqualTo(a);
        assertThat(ids.isSeenBefore("http://a.gov.cn/b")).isTrue();
        assertThat(ids.getDocCount()).isEqualTo(2);
        WebURL scheduled = frontier.getWebURLFactory().newWebUrl();
        scheduled.setURL("http://a.gov.cn/b");
        scheduled.setDocid(b);
        frontier.getFrontier().schedule(scheduled);
        frontier.close();

        FrontierConfiguration again = open();
        DocIDServer continued = again.getDocIDServer();
        assertThat(continued.getDocId("http://a.gov.cn/b")).as("a continued run").isEqualTo(b);
        assertThat(continued.getDocId("http://a.gov.cn/")).as("given an id, never scheduled: forgotten, found again").isEqualTo(-1);
        assertThat(continued.getNewDocID("http://a.gov.cn/c")).isGreaterThan(Math.max(a, b));
        again.close();
    }
}
