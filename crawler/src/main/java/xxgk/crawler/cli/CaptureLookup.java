package xxgk.crawler.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.store.Capture;

/** Finds the capture a `get` or `text` asks for, with a clear message when there is none. */
final class CaptureLookup {

    private CaptureLookup() {
    }

    static Capture find(Archive archive, String url, String at) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        Instant time = at == null ? Instant.MAX : Times.parse(at);
        return archive.captures().contentAtOrBefore(url, time).orElseThrow(() -> new ArchiveException(
                url + " is not in the archive" + (at == null ? "" : " at or before " + at) + " (see: xxgk list)"));
    }
}
