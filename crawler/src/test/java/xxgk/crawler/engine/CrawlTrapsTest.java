package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class CrawlTrapsTest {

    private final CrawlProgress progress = new CrawlProgress(List.of("harbin"));
    private final CrawlTraps traps = new CrawlTraps(progress, Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void ordinaryPortalUrlsAreNoTraps() {
        assertThat(traps.trap("http://www.harbin.gov.cn/haerbin/c106192/202103/c01_163889.shtml")).isEmpty();
        assertThat(traps.trap("https://www.suifenhe.gov.cn/art/2011/11/11/art_5396_160245.html")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/zwgk/zfxxgknb/sbj/202203/t20220330_1.html")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/xxgk/xxgk/index.html")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/search.jsp?id=2031")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/list.jsp?year=2008")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/list.jsp?year=2026&month=12")).isEmpty();
    }

    @Test
    void numericIdsAreNoDates() {
        assertThat(traps.trap("http://www.harbin.gov.cn/art.jsp?id=21345")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/art.jsp?id=20345")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/art.jsp?id=190012")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/col/2134567/index.html")).isEmpty();
        assertThat(traps.trap("http://www.harbin.gov.cn/art/21349/1.html")).isEmpty();
    }

    @Test
    void calendarsBeyondAnyPublishedPageAreCutOff() {
        assertThat(traps.trap("http://www.harbin.gov.cn/calendar.jsp?year=1987&month=3")).hasValueSatisfying(r -> assertThat(r).contains("1987"));
        assertThat(traps.trap("http://www.harbin.gov.cn/calendar/2031/05/")).hasValueSatisfying(r -> assertThat(r).contains("2031"));
        assertThat(traps.trap("http://www.harbin.gov.cn/rili.jsp?date=2040-01-01")).isPresent();
        assertThat(traps.trap("http://www.harbin.gov.cn/rili.jsp?d=20400101")).isPresent();
    }

    @Test
    void aCalendarPathIsCutOffAfterItsCapOfDates() {
        int followed = 0;
        for (int day = 0; day < 400; day++) {
            String date = java.time.LocalDate.of(2024, 1, 1).plusDays(day).toString();
            if (traps.trap("http://www.harbin.gov.cn/rili.jsp?date=" + date).isEmpty()) {
                followed++;
            }
        }
        assertThat(followed).isEqualTo(CrawlTraps.MAX_CALENDAR_QUERIES_PER_PATH);
        assertThat(traps.trap("http://www.harbin.gov.cn/rili.jsp?date=2024-01-01")).as("one already followed stays allowed").isEmpty();
    }

    @Test
    void aScriptWithEverNewQueriesIsCutOffAfterItsCap() {
        for (int i = 0; i < CrawlTraps.MAX_QUERIES_PER_PATH; i++) {
            assertThat(traps.trap("http://www.harbin.gov.cn/search.jsp?page=" + i + "&q=x")).isEmpty();
        }
        assertThat(traps.trap("http://www.harbin.gov.cn/search.jsp?page=99999&q=x")).isPresent();
        assertThat(traps.trap("http://www.harbin.gov.cn/search.jsp?page=99999")).as("other parameter names: another shape").isEmpty();
        assertThat(traps.trap("http://www.hulan.gov.cn/search.jsp?page=99999&q=x")).as("another host").isEmpty();
    }

    @Test
    void everGrowingUrlsAreCutOff() {
        assertThat(traps.trap("http://www.harbin.gov.cn/a/b/a/b/a/index.html")).isPresent();
        assertThat(traps.trap("http://www.harbin.gov.cn/zwgk/zwgk/zwgk/index.html")).isPresent();
        assertThat(traps.trap("http://www.harbin.gov.cn/" + "x".repeat(1000))).isPresent();
        assertThat(traps.trap("http://www.harbin.gov.cn/" + String.join("/", java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> "p" + i).toList()))).isPresent();
    }

    @Test
    void aCutOffUrlIsRecordedAsSkippedOnce() {
        String url = "http://www.harbin.gov.cn/calendar.jsp?year=1987&month=3";
        assertThat(traps.caught("harbin", url)).isTrue();
        assertThat(traps.caught("harbin", url)).isTrue();
        assertThat(progress.tallies().get(0).skipped()).isEqualTo(1);
        assertThat(progress.problems()).singleElement().satisfies(p -> {
            assertThat(p.url()).isEqualTo(url);
            assertThat(p.problem()).startsWith("trap: calendar date 1987");
        });
    }
}
