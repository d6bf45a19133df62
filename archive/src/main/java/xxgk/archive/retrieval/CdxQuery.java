package xxgk.archive.retrieval;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcDigest;

import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;

/**
 * A question to the capture index as the CDX server API asks it (pywb, OutbackCDX): the captures of a URL, of every
 * URL under a prefix, or of a host, within a time range, oldest first. The URL is looked up as {@link Retrieval}
 * looks it up; Wayback timestamps are UTC, as the Wayback Machine's are.
 */
public final class CdxQuery {

    /** Which URLs a query's URL stands for. */
    public enum MatchType {
        EXACT, PREFIX, HOST;

        /** exact, prefix or host, as the API's {@code matchType} names it. */
        public static MatchType parse(String name) {
            for (MatchType m : values()) {
                if (m.name().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("matchType '" + name + "' is not one of exact, prefix, host");
        }
    }

    /**
     * One line of the index: a capture as the CDX format describes it.
     *
     * @param urlkey    the URL in SURT form, by which the index sorts
     * @param timestamp the capture time as 14 digits, UTC
     * @param mime      the Content-Type's media type, {@code warc/revisit} for a revisit (as CDX indexes of WARCs say)
     * @param digest    the payload's SHA-256, {@code sha256:} and base 32 as in the WARC export's CDXJ
     * @param length    the body's length in bytes
     */
    public record Line(String urlkey, String timestamp, String url, String mime, int status, String digest, long length) {
    }

    /** The 14-digit UTC timestamp of Wayback URLs and CDX lines. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    private final CaptureStore captures;
    private final Retrieval retrieval;

    public CdxQuery(CaptureStore captures) {
        this.captures = captures;
        this.retrieval = new Retrieval(captures);
    }

    /**
     * The captures asked for, oldest first, at most limit of them. from and to are Wayback timestamps (or any time
     * {@link RequestedTime} reads), each naming its whole period. An exact URL not archived is an ArchiveException.
     */
    public List<Line> lines(String url, MatchType match, Optional<String> from, Optional<String> to, int limit) {
        Instant start = from.map(t -> RequestedTime.parse(t, ZoneOffset.UTC).start()).orElse(Instant.MIN);
        Instant end = to.map(t -> RequestedTime.parse(t, ZoneOffset.UTC).end()).orElse(Instant.MAX);
        List<Capture> found = new ArrayList<>();
        if (match == MatchType.EXACT) {
            found.addAll(retrieval.history(url));
        } else {
            String prefix = match == MatchType.HOST ? hostPrefix(url) : url.strip();
            // The index holds no URL order of its own (the embedded server ignores secondary indexes): one pass over the captures.
            captures.forEach(Optional.empty(), c -> {
                if (c.url().startsWith(prefix) || (match == MatchType.HOST && c.url().equals(prefix.substring(0, prefix.length() - 1)))) {
                    found.add(c);
                }
            });
        }
        return found.stream().filter(c -> !c.fetchedAt().isBefore(start) && !c.fetchedAt().isAfter(end))
                .sorted(Comparator.comparing(Capture::fetchedAt).thenComparing(Capture::url))
                .limit(limit).map(CdxQuery::line).toList();
    }

    /** scheme://host[:port]/ of a URL, for a host query. */
    private static String hostPrefix(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + "/";
    }

    private static Line line(Capture c) {
        String mime = c.revisit() ? "warc/revisit" : c.contentType().isEmpty() ? "-" : c.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        return new Line(URIs.toNormalizedSurt(c.url()), TIMESTAMP.format(c.fetchedAt()), c.url(), mime, c.status(),
                new WarcDigest("sha256", HexFormat.of().parseHex(c.sha256())).prefixedBase32(), c.size());
    }
}
