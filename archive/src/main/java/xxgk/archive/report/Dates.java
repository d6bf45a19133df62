package xxgk.archive.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as portals and reports print them: 2022-03-30 16:42, 2022/3/30, 2022.03.30, 2022年3月30日. The one place a
 * printed date is read; an impossible one (2023年2月29日, an OCR slip) is no date. An instant (an HTTP date, a
 * capture time) becomes the date it was in China, where the statutory deadlines fall.
 */
public final class Dates {

    private static final Pattern DATE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");

    private Dates() {
    }

    /** A line that is only a date, as printed under a report's title: 2022年3月30日. */
    private static final Pattern DATE_LINE = Pattern.compile("(?:19|20)\\d{2}年\\d{1,2}月\\d{1,2}日");
    /**
     * A portal's date line under an article's title: a date first, then perhaps a time, then nothing or what such
     * lines carry next (2021-01-26 10:00　来源：…).
     */
    private static final Pattern PORTAL_DATE_LINE = Pattern.compile("^[\\s\\u3000\\u00a0]*(" + DATE.pattern() + "日?)"
            + "(?:[\\s\\u3000\\u00a0]*\\d{1,2}:\\d{2}(?::\\d{2})?)?[\\s\\u3000\\u00a0]*(?:$|来源|信息来源|作者|发布者|浏览|点击|阅读|字号|【)");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The date a line holds when the line is only a 年月日 date. */
    public static Optional<LocalDate> line(String text) {
        return text != null && DATE_LINE.matcher(text).matches() ? find(text) : Optional.empty();
    }

    /** The date a portal's date line under a title starts with ("2021-01-26 10:00　来源：…"), when the text is one. */
    public static Optional<LocalDate> portalLine(String text) {
        Matcher m = PORTAL_DATE_LINE.matcher(text == null ? "" : text);
        return m.find() ? find(m.group(1)) : Optional.empty();
    }

    /** The date in China of an HTTP date (RFC 1123, as Last-Modified sends it); empty when it is not one. */
    public static Optional<LocalDate> http(String value) {
        try {
            return Optional.of(inChina(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeException notAnHttpDate) {
            return Optional.empty();
        }
    }

    /** The date it was in China at that instant. */
    public static LocalDate inChina(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
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
