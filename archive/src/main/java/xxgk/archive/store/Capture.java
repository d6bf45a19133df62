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
        String method) {

    public Capture {
        headers = List.copyOf(headers);
    }

    public boolean redirect() {
        return status >= 300 && status < 400 && !finalUrl.equals(url);
    }
}
