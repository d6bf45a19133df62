package xxgk.archive.retrieval;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a user asks the archive about, as typed: an instant with its offset (2024-03-31T12:00:00Z), a local
 * date and time (2024-03-31T12:00, 2024-03-31 12:00), a date (2024-03-31), or a Wayback timestamp of 1 to 14
 * digits (yyyyMMddHHmmss, 20240331 or 2024). A local time is read in the archive's zone. What is not given to the
 * second names a period — a day, a month, a year — from its first to its last instant.
 *
 * @param start the first instant of the period (the instant itself when one was given)
 * @param end   the last instant of the period
 */
public record RequestedTime(Instant start, Instant end) {

    /** The zone local times are read in when none is configured: the portals are Chinese. */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";
    /** The environment variable that configures the zone. */
    public static final String ZONE_ENV = "XXGK_ZONE";

    private static final String EXAMPLES = "e.g. 2024-03-31, 2024-03-31 12:00, 2024-03-31T12:00:00Z, 20240331120000";
    private static final Pattern WAYBACK = Pattern.compile("\\d{1,14}");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2}(?:\\.\\d+)?)?");
    /** Strict: 20240230 is no day, not the last of February. */
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    /** The zone given (may be null), else $XXGK_ZONE, else Asia/Shanghai; an unknown zone is an error. */
    public static ZoneId zone(String given) {
        String env = System.getenv(ZONE_ENV);
        String name = given != null ? given : env != null && !env.isBlank() ? env : DEFAULT_ZONE;
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone '" + name + "' is unknown (e.g. Asia/Shanghai, UTC, +08:00)");
        }
    }

    /** Reads what the user typed; anything else is an IllegalArgumentException saying what would do. */
    public static RequestedTime parse(String text, ZoneId zone) {
        String t = text.strip();
        try {
            if (WAYBACK.matcher(t).matches()) {
                return wayback(t, zone);
            }
            Matcher m = DATE_TIME.matcher(t);
            if (m.matches()) {
                LocalDateTime at = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
                Instant start = at.atZone(zone).toInstant();
                return m.group(3) == null ? new RequestedTime(start, start.plusSeconds(60).minusNanos(1)) : new RequestedTime(start, start);
            }
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return new RequestedTime(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1));
            }
            Instant at = OffsetDateTime.parse(t).toInstant();
            return new RequestedTime(at, at);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time (" + EXAMPLES + ")");
        }
    }

    /**
     * A Wayback timestamp names every second whose 14 digits begin with it: 2024 is that year, 202403 that month.
     * The period runs from the smallest such valid time to the largest.
     */
    private static RequestedTime wayback(String digits, ZoneId zone) {
        LocalDateTime first = LocalDateTime.parse(valid(digits + "0".repeat(14 - digits.length()), true), COMPACT);
        LocalDateTime last = LocalDateTime.parse(valid(digits + "9".repeat(14 - digits.length()), false), COMPACT);
        return new RequestedTime(first.atZone(zone).toInstant(), last.atZone(zone).toInstant().plusSeconds(1).minusNanos(1));
    }

    /** Brings padded fields into range: month and day at least 1; at most 12, the month's last day, 23, 59, 59. */
    private static String valid(String fourteen, boolean lowest) {
        int year = Integer.parseInt(fourteen.substring(0, 4));
        int month = Integer.parseInt(fourteen.substring(4, 6));
        int day = Integer.parseInt(fourteen.substring(6, 8));
        int hour = Integer.parseInt(fourteen.substring(8, 10));
        int minute = Integer.parseInt(fourteen.substring(10, 12));
        int second = Integer.parseInt(fourteen.substring(12, 14));
        if (lowest) {
            month = Math.max(month, 1);
            day = Math.max(day, 1);
        } else {
            month = Math.min(month, 12);
            day = Math.min(day, YearMonth.of(year, Math.max(month, 1)).lengthOfMonth());
            hour = Math.min(hour, 23);
            minute = Math.min(minute, 59);
            second = Math.min(second, 59);
        }
        return String.format("%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute, second);
    }
}
