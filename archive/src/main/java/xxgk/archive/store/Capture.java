package xxgk.archive.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

/**
 * One fetch of one URL: what was asked, what came back, and where its bytes are.
 *
 * @param url         the URL requested
 * @param finalUrl    where the response points: the Location of a redirect, else the URL itself
 * @param status      the HTTP status
 * @param headers     the response headers as received
 * @param fetchedAt   when the response arrived
 * @param sha256      digest of the body, the key of the original in the blob store
 * @param size        body length in bytes
 * @param contentType the Content-Type header, as sent (may be absent or wrong; see the extracted text's type)
 * @param site        the configured site the URL belongs to
 * @param run         the crawl run that fetched it
 * @param foundOn     the page whose link led here; empty for seeds
 * @param filename    the file name the server gave (Content-Disposition), decoded; empty when none
 * @param anchor      the text of the link that led here (or its title attribute); empty for seeds
 * @param method      the HTTP method: GET, or POST for a list servlet that refuses GET (its query sent as the form)
 * @param kind        a response (its body stored under sha256) or a revisit (no bytes stored: see {@link Kind#REVISIT})
 * @param refersTo    for a revisit, the response capture whose bytes it stands for
 * @param exchange    the request as sent, the protocol and the remote address; absent in captures archived before
 *                    they were kept
 */
public record Capture(
        ObjectId id,
        String url,
        String finalUrl,
        int status,
        List<HttpHeader> headers,
        Instant fetchedAt,
        String sha256,
        long size,
        String contentType,
        String site,
        String run,
        Optional<String> foundOn,
        Optional<String> filename,
        Optional<String> anchor,
        String method,
        Kind kind,
        Optional<ObjectId> refersTo,
        Optional<Exchange> exchange) {

    /** What a capture holds, in the sense of WARC's record types. */
    public enum Kind {
        /** The body was received and stored. */
        RESPONSE,
        /**
         * The server answered 304 Not Modified, or sent the very bytes of the URL's previous capture: the status,
         * headers and time are recorded, the body is the one already stored ({@code sha256}, {@code refersTo}).
         */
        REVISIT
    }

    public Capture {
        headers = List.copyOf(headers);
    }

    /** A response capture whose exchange was not recorded, as archives written before format 2 hold them. */
    public Capture(ObjectId id, String url, String finalUrl, int status, List<HttpHeader> headers, Instant fetchedAt,
                   String sha256, long size, String contentType, String site, String run, Optional<String> foundOn,
                   Optional<String> filename, Optional<String> anchor, String method) {
        this(id, url, finalUrl, status, headers, fetchedAt, sha256, size, contentType, site, run, foundOn, filename, anchor,
                method, Kind.RESPONSE, Optional.empty(), Optional.empty());
    }

    public boolean revisit() {
        return kind == Kind.REVISIT;
    }

    /** The value of a response header (first of that name, case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).findFirst();
    }

    public boolean redirect() {
        return status >= 300 && status < 400 && !finalUrl.equals(url);
    }
}
