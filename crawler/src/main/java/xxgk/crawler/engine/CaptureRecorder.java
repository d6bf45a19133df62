package xxgk.crawler.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import xxgk.archive.Archive;
import xxgk.archive.catalog.ReportClassifier;
import xxgk.archive.store.Capture;
import xxgk.archive.text.Extraction;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.Fetched;
import xxgk.crawler.fetch.Validators;

/**
 * Archives one fetched response: its original (once per distinct content), a capture record, and the original's
 * text. Order matters for crash safety: bytes and text first, then the record that points at them.
 *
 * <p>A URL fetched again is a revisit when the server answers 304 Not Modified to the validators of its
 * previous capture, or sends the very bytes of it: the capture records the exchange and refers to the stored
 * content, and no bytes are stored again.
 */
final class CaptureRecorder {

    private final Archive archive;
    private final TextExtractor extractor;
    private final String runId;
    private final CrawlProgress progress;

    CaptureRecorder(Archive archive, TextExtractor extractor, String runId, CrawlProgress progress) {
        this.archive = archive;
        this.extractor = extractor;
        this.runId = runId;
        this.progress = progress;
    }

    /** What the archive holds of a URL before it is fetched again: its latest capture and the content that stands for. */
    record Previous(Capture latest, Capture content) {

        /** The validators a conditional request sends, when the content is a successful answer. */
        Validators validators() {
            return content.status() / 100 == 2 ? Validators.of(latest, content) : Validators.NONE;
        }
    }

    /** The URL's previous capture, if it was archived before. */
    Optional<Previous> previous(String url) {
        return archive.captures().latest(url)
                .flatMap(latest -> archive.captures().content(latest).map(content -> new Previous(latest, content)));
    }

    /**
     * Records the fetch and returns the capture holding its content: the new response, or for a revisit the
     * stored one it refers to. foundOn and anchor: the page that linked here and the link's text, or null for
     * seeds.
     */
    Capture record(Fetched fetched, Site site, String foundOn, String anchor, Optional<Previous> previous) throws IOException {
        Optional<String> linkText = Optional.ofNullable(anchor).map(String::strip).filter(a -> !a.isEmpty());
        Capture content = archive(fetched, site, foundOn, linkText, previous);
        if (fetched.status() / 100 == 2) {
            ReportClassifier.reportNamed(List.of(linkText.orElse(""), content.filename().orElse(""))).ifPresent(progress::reportLinked);
        }
        if (fetched.wall().isPresent()) {
            progress.walled(site.id(), fetched.url(), fetched.wall().get().description());
        } else if (fetched.status() >= 400) {
            progress.failed(site.id(), fetched.url(), "HTTP " + fetched.status());
        }
        return content;
    }

    /** A robots.txt answer: archived as evidence; what its status means is for the robots policy to judge (RFC 9309). */
    Capture recordRobotsTxt(Fetched fetched, Site site, Optional<Previous> previous) throws IOException {
        Capture content = archive(fetched, site, null, Optional.empty(), previous);
        fetched.wall().ifPresent(wall -> progress.walled(site.id(), fetched.url(), wall.description()));
        return content;
    }

    private Capture archive(Fetched fetched, Site site, String foundOn, Optional<String> linkText, Optional<Previous> previous)
            throws IOException {
        Optional<Capture> same = previous.map(Previous::content).filter(p -> p.status() / 100 == 2)
                .filter(p -> fetched.notModified() || fetched.status() / 100 == 2 && p.sha256().equals(fetched.sha256()));
        if (same.isPresent()) {
            Capture content = same.get();
            archive.captures().record(new Capture(null, fetched.url(), fetched.url(), fetched.status(), fetched.headers(),
                    fetched.fetchedAt(), content.sha256(), content.size(), content.contentType(), site.id(), runId,
                    Optional.ofNullable(foundOn), content.filename(), linkText, fetched.method(), Capture.Kind.REVISIT,
                    Optional.of(content.id()), Optional.of(fetched.exchange())));
            if (fetched.notModified()) {
                progress.notModified(site.id());
            } else {
                progress.fetched(site.id(), fetched.size(), false);
            }
            return content;
        }
        Optional<String> filename = ContentDisposition.filename(fetched.header("Content-Disposition").orElse(null));
        boolean isNew = archive.blobs().put(fetched.body(), fetched.sha256(), fetched.size());
        // The text before the capture that needs it: a kill or a full disk in between leaves a text nothing points at
        // yet, never a capture without its text.
        if (fetched.status() / 100 == 2 && !archive.texts().contains(fetched.sha256())) {
            Extraction text = archive.texts().put(fetched.sha256(),
                    extractor.extract(fetched.body(), filename.orElseGet(() -> lastPathSegment(fetched.url()))));
            if (text.status() != Extraction.Status.OK) {
                progress.note(site.id(), fetched.url(), "text " + text.status() + text.problem().map(p -> ": " + p).orElse(""));
            }
        }
        Capture response = new Capture(null, fetched.url(), fetched.location().orElse(fetched.url()), fetched.status(),
                fetched.headers(), fetched.fetchedAt(), fetched.sha256(), fetched.size(), fetched.contentType(), site.id(), runId,
                Optional.ofNullable(foundOn), filename, linkText, fetched.method(), Capture.Kind.RESPONSE, Optional.empty(),
                Optional.of(fetched.exchange()));
        response = withId(response, archive.captures().record(response));
        progress.fetched(site.id(), fetched.size(), isNew);
        return response;
    }

    /** The bytes of what was fetched: the body received, or for a revisit the stored content it refers to. */
    byte[] body(Fetched fetched, Capture content) throws IOException {
        try (InputStream in = open(fetched, content)) {
            return in.readAllBytes();
        }
    }

    /** Those bytes as a stream: from the download, or from the archive. */
    InputStream open(Fetched fetched, Capture content) throws IOException {
        return content.sha256().equals(fetched.sha256()) ? Files.newInputStream(fetched.body()) : archive.blobs().open(content.sha256());
    }

    private static Capture withId(Capture c, org.bson.types.ObjectId id) {
        return new Capture(id, c.url(), c.finalUrl(), c.status(), c.headers(), c.fetchedAt(), c.sha256(), c.size(), c.contentType(),
                c.site(), c.run(), c.foundOn(), c.filename(), c.anchor(), c.method(), c.kind(), c.refersTo(), c.exchange());
    }

    /** A name hint for type detection when the server gave no file name. */
    private static String lastPathSegment(String url) {
        String path = URI.create(url).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
