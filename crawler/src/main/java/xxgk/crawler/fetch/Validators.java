package xxgk.crawler.fetch;

import java.util.Optional;

import xxgk.archive.store.Capture;

/**
 * What a conditional request sends for a URL already archived: the {@code ETag} and {@code Last-Modified} its
 * server gave, as {@code If-None-Match} and {@code If-Modified-Since}. An unchanged URL then answers 304 Not
 * Modified and costs no body.
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    /** The validators of a capture: its own headers' (a 304 may carry new ones), else those of the content it stands for. */
    public static Validators of(Capture latest, Capture content) {
        return new Validators(latest.header("ETag").or(() -> content.header("ETag")),
                latest.header("Last-Modified").or(() -> content.header("Last-Modified")));
    }
}
