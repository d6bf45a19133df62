package xxgk.crawler.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** --at values: an ISO-8601 instant, a date-time (UTC) or a date (its end, UTC). */
final class Times {

    private Times() {
    }

    static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("--at '" + text + "' is not a time (e.g. 2024-03-31, 2024-03-31T12:00:00Z)");
                }
            }
        }
    }
}
