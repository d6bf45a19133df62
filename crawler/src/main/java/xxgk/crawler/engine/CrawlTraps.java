package xxgk.crawler.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of one crawl run that lead into a trap and are cut off: calendars that link to any date, URLs that
 * grow with every visit ({@code /a/b/a/b/…}, overlong ones), and one script path answering ever-new query values.
 * Portals publish their reports under years from 2008 on; a calendar beyond the years any page can exist in, or a
 * script with more distinct queries than a site has documents, is a loop a crawl would never leave.
 */
final class CrawlTraps {

    static final int MAX_URL_LENGTH = 1000;
    static final int MAX_SEGMENTS = 20;
    /** Distinct queries followed per host and path with the same parameter names. */
    static final int MAX_QUERIES_PER_PATH = 1000;
    /** Distinct queries followed per host and path whose parameters name a date. */
    static final int MAX_CALENDAR_QUERIES_PER_PATH = 50;
    /** No government page was published before this year. */
    static final int FIRST_YEAR = 1995;
    private static final int MAX_REMEMBERED_CUTS = 100_000;

    private static final Set<String> CALENDAR_PARAMETERS = Set.of("year", "yyyy", "nian", "month", "yue", "day", "d", "date",
            "ym", "ymd", "riqi", "calendar");
    /**
     * A year, alone or opening a date whose month and day are real: 2031, 2031-05, 2031-5-1, 203105, 20310501 —
     * not an id such as 21345 or 2134567.
     */
    private static final Pattern DATE = Pattern.compile("((?:19|20|21)\\d{2})(?:([-./])(?:0?[1-9]|1[0-2])(?:\\2(?:0?[1-9]|[12]\\d|3[01]))?"
            + "|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])?)?");
    private static final Pattern SEPARATED = Pattern.compile(".*\\d[-./]\\d.*");

    private final CrawlProgress progress;
    private final int lastYear;
    private final Map<String, Set<String>> queriesByPath = new ConcurrentHashMap<>();
    private final Set<String> cut = ConcurrentHashMap.newKeySet();

    CrawlTraps(CrawlProgress progress, Clock clock) {
        this.progress = progress;
        this.lastYear = Year.now(clock).getValue() + 1;
    }

    /** True if url is a trap; it is then recorded as skipped for site, once. */
    boolean caught(String site, String url) {
        Optional<String> reason = trap(url);
        if (reason.isPresent() && cut.size() < MAX_REMEMBERED_CUTS && cut.add(url)) {
            progress.skipped(site, url, "trap: " + reason.get());
        }
        return reason.isPresent();
    }

    /** Why url is a trap, or empty. Counts url's query towards its path's cap. */
    Optional<String> trap(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("URL longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (segments.length > MAX_SEGMENTS) {
            return Optional.of("more than " + MAX_SEGMENTS + " path segments");
        }
        Optional<String> repeated = repeatedSegments(segments);
        if (repeated.isPresent()) {
            return repeated;
        }
        for (String segment : segments) {
            Optional<String> far = farYear(segment);
            if (far.isPresent()) {
                return far;
            }
        }
        String query = uri.getRawQuery();
        return query == null || query.isEmpty() ? Optional.empty() : queryTrap(uri.getHost() + path, query);
    }

    /**
     * A word segment three times, or a run of segments twice in a row: relative links resolved against themselves.
     * Numbers repeat in dated paths ({@code /art/2021/1/1/}) and are left alone.
     */
    private static Optional<String> repeatedSegments(String[] segments) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : segments) {
            if (!s.matches("\\d+") && counts.merge(s, 1, Integer::sum) >= 3) {
                return Optional.of("path segment '" + s + "' repeated");
            }
        }
        for (int length = 2; length <= segments.length / 2; length++) {
            for (int start = 0; start + 2 * length <= segments.length; start++) {
                if (Arrays.equals(segments, start, start + length, segments, start + length, start + 2 * length)) {
                    return Optional.of("path segments '" + String.join("/", Arrays.copyOfRange(segments, start, start + length)) + "' repeated");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> queryTrap(String hostAndPath, String query) {
        Set<String> names = new TreeSet<>();
        boolean calendar = false;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            names.add(name);
            // A number in any other parameter is an id far more often than a date, unless it is written as one.
            boolean dateValue = DATE.matcher(value).matches() && (CALENDAR_PARAMETERS.contains(name) || SEPARATED.matcher(value).matches());
            if (dateValue) {
                calendar = true;
                Optional<String> far = farYear(value);
                if (far.isPresent()) {
                    return far;
                }
            } else if (CALENDAR_PARAMETERS.contains(name) && value.matches("\\d{1,2}")) {
                calendar = true;
            }
        }
        int cap = calendar ? MAX_CALENDAR_QUERIES_PER_PATH : MAX_QUERIES_PER_PATH;
        Set<String> seen = queriesByPath.computeIfAbsent(hostAndPath + "?" + String.join("&", names), k -> ConcurrentHashMap.newKeySet());
        if (seen.contains(query)) {
            return Optional.empty();
        }
        if (seen.size() >= cap) {
            return Optional.of("more than " + cap + (calendar ? " calendar dates" : " distinct queries") + " on " + hostAndPath);
        }
        seen.add(query);
        return Optional.empty();
    }

    /** A date whose year no page of a government portal can have: a calendar paging beyond its content. */
    private Optional<String> farYear(String token) {
        Matcher m = DATE.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year < FIRST_YEAR || year > lastYear ? Optional.of("calendar date " + token + " out of range") : Optional.empty();
    }
}
