package xxgk.archive.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Times as people type them, read in the archive's zone; a day, month or year is the whole of it. */
class RequestedTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static RequestedTime at(String text) {
        return RequestedTime.parse(text, SHANGHAI);
    }

    @Test
    void localTimesAreReadInTheZoneAndNameTheirWholePeriod() {
        assertThat(at("2024-03-31")).isEqualTo(new RequestedTime(Instant.parse("2024-03-30T16:00:00Z"),
                Instant.parse("2024-03-31T15:59:59.999999999Z")));
        assertThat(at("2024-03-31 12:00")).isEqualTo(new RequestedTime(Instant.parse("2024-03-31T04:00:00Z"),
                Instant.parse("2024-03-31T04:00:59.999999999Z")));
        assertThat(at("2024-03-31T12:00:30").start()).isEqualTo(at("2024-03-31T12:00:30").end());
        assertThat(at("2024-03-31T12:00:00Z").start()).isEqualTo(Instant.parse("2024-03-31T12:00:00Z"));
        assertThat(at("2024-03-31T12:00:00+08:00").start()).isEqualTo(Instant.parse("2024-03-31T04:00:00Z"));
    }

    @Test
    void waybackTimestampsOfOneToFourteenDigitsNameEverySecondTheyBegin() {
        assertThat(at("20240331120000").start()).isEqualTo(Instant.parse("2024-03-31T04:00:00Z"));
        assertThat(at("2024").start()).isEqualTo(Instant.parse("2023-12-31T16:00:00Z"));
        assertThat(at("2024").end()).isEqualTo(Instant.parse("2024-12-31T15:59:59.999999999Z"));
        assertThat(at("202402").end()).as("a leap February").isEqualTo(Instant.parse("2024-02-29T15:59:59.999999999Z"));
        assertThat(at("20241").start()).as("October to December").isEqualTo(Instant.parse("2024-09-30T16:00:00Z"));
        assertThat(at("20241").end()).isEqualTo(Instant.parse("2024-12-31T15:59:59.999999999Z"));
        assertThat(at("2").start()).isEqualTo(Instant.parse("1999-12-31T16:00:00Z"));
        assertThat(RequestedTime.parse("20240331", ZoneId.of("UTC")).start()).isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedWithExamples() {
        for (String wrong : new String[] {"yesterday", "20241399", "20240230", "999999999999999", "2024-13-01", "2024-03-31 25:00", ""}) {
            assertThatThrownBy(() -> at(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'" + wrong + "' is not a time (e.g. 2024-03-31");
        }
        assertThatThrownBy(() -> RequestedTime.zone("Mars/Olympus")).hasMessageStartingWith("time zone 'Mars/Olympus' is unknown");
    }
}
