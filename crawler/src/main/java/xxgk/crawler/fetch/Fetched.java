package xxgk.crawler.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;

/**
 * One HTTP response, its body spooled to a local file with its digest. Closing it deletes the spool file.
 *
 * @param location for a redirect, the absolute URL it points to
 * @param wall     the anti-bot wall this answer is, if it is one
 * @param method   GET, or POST when the URL's query was sent as a form
 * @param exchange the request as it went on the wire, the protocol and the address answered from
 */
public record Fetched(String url, String method, int status, List<HttpHeader> headers, Instant fetchedAt, Path body, String sha256,
                      long size, Optional<String> location, Optional<AntiBotWall> wall, Exchange exchange) implements AutoCloseable {

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).findFirst();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The server said the URL has not changed since the validators sent. */
    public boolean notModified() {
        return status == 304;
    }

    public boolean redirect() {
        return status >= 300 && status < 400 && location.isPresent();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(body);
        } catch (IOException ignored) {
            // a spool file left behind is removed with the spool directory at the next crawl
        }
    }
}
