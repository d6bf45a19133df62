package xxgk.archive.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as portals and reports print them: 2022-03-30 16:42, 2022/3/30, 2022.03.30, 2022年3月30日. The one place a
 * printed date is read; an impossible one (2023年2月29日, an OCR slip) is no date.
 */
public final class Dates {

    private static final Pattern DATE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");

    private Dates() {
    }

    /** A line that is only a date, as printed under a report's title: 2022年3月30日. */
    private static final Pattern DATE_LINE = Pattern.compile("(?:19|20)\\d{2}年\\d{1,2}月\\d{1,2}日");

    /** The date a line holds when the line is only a 年月日 date. */
    public static Optional<LocalDate> line(String text) {
        return text != null && DATE_LINE.matcher(text).matches() ? find(text) : Optional.empty();
    }

    /** The first valid date written in text. */
    public static Optional<LocalDate> find(String text) {
        Matcher m = DATE.matcher(text == null ? "" : text);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException notADate) {
                // "2021.13.40" and the like: look further
            }
        }
        return Optional.empty();
    }
}
