package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.SiteTally;

/** The status line a crawl shows, and how often a display nobody watches prints it. */
class CrawlProgressLineTest {

    /** A clock the test moves: progress is about time, and tests do not sleep. */
    static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2024-02-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void theLineSumsTheSitesAndGivesThisProcesssRate() {
        SteppedClock clock = new SteppedClock();
        CrawlProgress progress = new CrawlProgress(List.of("hulan", "harbin"), clock);
        for (int i = 0; i < 30; i++) {
            progress.fetched(i % 2 == 0 ? "hulan" : "harbin", 1000, true);
        }
        progress.failed("hulan", "http://www.hulan.gov.cn/x", "HTTP 500");
        progress.reportLinked("呼兰区2023年政府信息公开工作年度报告");
        progress.reportLinked("呼兰区2023年政府信息公开工作年度报告");
        progress.reportLinked("哈尔滨市2021年政府信息公开工作报告");
        clock.advance(Duration.ofSeconds(75));

        assertThat(progress.line(412)).isEqualTo("1m15s  30 pages  412 queued  0.4/s  1 errors  2 reports");
        progress.walled("harbin", "http://www.harbin.gov.cn/", "瑞数 412");
        assertThat(progress.line(0)).endsWith("  1 blocked");
    }

    @Test
    void aContinuedRunCountsItsRateFromWhereThisProcessBegan() {
        SteppedClock clock = new SteppedClock();
        CrawlRun interrupted = new CrawlRun("r1", List.of("hulan"), clock.instant(), Optional.empty(), CrawlRun.Status.RUNNING,
                List.of(new SiteTally("hulan", 1000, 0, 0, 0, 0, 0, 0, 0)), List.of(), CrawlRun.Phase.FETCH, Optional.empty(), Optional.empty());
        CrawlProgress progress = CrawlProgress.continuing(List.of("hulan"), interrupted);
        progress.fetched("hulan", 10, false);
        assertThat(progress.line(5)).contains("1001 pages");
    }

    @Test
    void unwatchedOutputGetsALineAtMostEveryPeriod() {
        SteppedClock clock = new SteppedClock();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressDisplay display = ProgressDisplay.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(30), clock);
        for (int second = 1; second <= 95; second++) {
            clock.advance(Duration.ofSeconds(1));
            display.show("at " + second);
        }
        display.done();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("  at 1\n  at 31\n  at 61\n  at 91\n");
    }
}
