package xxgk.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human quantities of the configuration and the command line: "500ms", "6h", "50MB". */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?");

    private Quantities() {
    }

    /** A duration such as 500ms, 2s, 10m, 6h or 1d; null when the text is not one. */
    public static Duration durationOrNull(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A size in bytes such as 1048576, 512KB, 50MB or 1GB; -1 when the text is not one. */
    public static long bytesOrMinusOne(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb", "k" -> n << 10;
            case "mb", "m" -> n << 20;
            case "gb", "g" -> n << 30;
            default -> n;
        };
    }
}
