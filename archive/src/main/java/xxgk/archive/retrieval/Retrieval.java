package xxgk.archive.retrieval;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import xxgk.archive.ArchiveException;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.url.UrlNormalizer;

/**
 * Finds captures the way people ask for them: a URL as typed (found as stored, else through the crawl's own
 * normalisation — upper-case host, fragment and query order do not matter) and a time (the latest capture at or
 * before it, or the nearest to it). The command line and any other reader of the archive ask through here.
 */
public final class Retrieval {

    /** Which capture a time selects. */
    public enum Choice {
        /** The latest capture at or before the end of the requested period: what the page was then. */
        AT_OR_BEFORE,
        /** The capture closest in time to the start of the requested period, before or after. */
        NEAREST
    }

    private final CaptureStore captures;
    private final UrlNormalizer normalizer = new UrlNormalizer();

    public Retrieval(CaptureStore captures) {
        this.captures = captures;
    }

    /**
     * The content asked for: the capture chosen by time (empty: the latest), or for a revisit the response whose
     * bytes it stands for. Not archived (then, or at all) is an ArchiveException.
     */
    public Capture find(String typedUrl, Optional<RequestedTime> time, Choice choice) {
        return content(chosen(typedUrl, time, choice));
    }

    /**
     * The capture a time selects (empty: the latest), a response or a revisit: what happened then, as a replay's
     * banner states it. Not archived (then, or at all) is an ArchiveException.
     */
    public Capture chosen(String typedUrl, Optional<RequestedTime> time, Choice choice) {
        String url = archivedUrl(typedUrl);
        Optional<Capture> found = time.isEmpty() ? captures.latest(url)
                : choice == Choice.AT_OR_BEFORE ? captures.atOrBefore(url, time.get().end())
                : nearest(captures.history(url), time.get().start());
        // Only "at or before" can find nothing: the URL is archived, so some capture is nearest.
        return found.orElseThrow(() -> new ArchiveException(url + " has no capture at or before that time (xxgk captures "
                + url + " lists them; --nearest takes a later one)"));
    }

    /** The capture holding the bytes a capture stands for: itself, or for a revisit the response stored earlier. */
    public Capture content(Capture chosen) {
        return captures.content(chosen).orElseThrow(() -> new ArchiveException(chosen.url() + ": the revisit of "
                + chosen.fetchedAt() + " refers to a response the archive does not hold (xxgk check)"));
    }

    /** Every capture of the URL, oldest first; none is an ArchiveException. */
    public List<Capture> history(String typedUrl) {
        return captures.history(archivedUrl(typedUrl));
    }

    /** The URL as the archive stores it: as typed when archived so, else normalised like the crawl normalises links. */
    public String archivedUrl(String typed) {
        String url = typed.strip();
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + typed + "' is not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a URL: " + e.getReason());
        }
        if (captures.latest(url).isPresent()) {
            return url;
        }
        String normalised = normalizer.filter(url);
        if (normalised != null && captures.latest(normalised).isPresent()) {
            return normalised;
        }
        throw new ArchiveException(url + " is not in the archive (see: xxgk list)");
    }

    private static Optional<Capture> nearest(List<Capture> history, Instant time) {
        return history.stream().min(Comparator.comparing((Capture c) -> Duration.between(c.fetchedAt(), time).abs())
                .thenComparing(Capture::fetchedAt));
    }
}
