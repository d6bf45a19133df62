package xxgk.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human quantities of the configuration and the command line: "500ms", "6h", "1h30m", "PT1H", "50MB". */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(?:\\d+\\s*(?:ms|s|m|h|d)\\s*)+");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?");

    private Quantities() {
    }

    /**
     * A duration such as 500ms, 2s, 10m, 6h, 1d, a sum of them (1h30m), or ISO-8601 (PT1H); null when the text is
     * not one, or is too long for any clock (a number that does not fit is a typo, not a period).
     */
    public static Duration durationOrNull(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (!DURATION.matcher(t).matches()) {
                return null;
            }
            Duration sum = Duration.ZERO;
            Matcher m = DURATION_PART.matcher(t);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                sum = sum.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            return sum.toMillis() >= 0 ? sum : null;
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException tooLongOrMalformed) {
            return null;
        }
    }

    /** A size in bytes such as 1048576, 512KB, 50MB or 1GB; -1 when the text is not one or does not fit in a long. */
    public static long bytesOrMinusOne(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        try {
            long n = Long.parseLong(m.group(1));
            return Math.multiplyExact(n, switch (unit) {
                case "kb", "k" -> 1L << 10;
                case "mb", "m" -> 1L << 20;
                case "gb", "g" -> 1L << 30;
                default -> 1L;
            });
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return -1;
        }
    }
}
