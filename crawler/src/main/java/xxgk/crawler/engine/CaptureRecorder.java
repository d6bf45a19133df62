package xxgk.crawler.engine;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.archive.text.Extraction;
import xxgk.archive.text.TextExtractor;
import xxgk.config.Site;
import xxgk.crawler.fetch.Fetched;

/**
 * Archives one fetched response: its original (once per distinct content), a capture record, and the original's
 * text. Order matters for crash safety: bytes first, then the record that points at them.
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

    /** foundOn and anchor: the page that linked here and the link's text, or null for seeds and robots.txt. */
    void record(Fetched fetched, Site site, String foundOn, String anchor) throws IOException {
        archive(fetched, site, foundOn, anchor);
        if (fetched.wall().isPresent()) {
            progress.walled(site.id(), fetched.url(), fetched.wall().get().description());
        } else if (fetched.status() >= 400) {
            progress.failed(site.id(), fetched.url(), "HTTP " + fetched.status());
        }
    }

    /** A robots.txt answer: archived as evidence; what its status means is for the robots policy to judge (RFC 9309). */
    void recordRobotsTxt(Fetched fetched, Site site) throws IOException {
        archive(fetched, site, null, null);
        fetched.wall().ifPresent(wall -> progress.walled(site.id(), fetched.url(), wall.description()));
    }

    private void archive(Fetched fetched, Site site, String foundOn, String anchor) throws IOException {
        Optional<String> filename = ContentDisposition.filename(fetched.header("Content-Disposition").orElse(null));
        Optional<String> linkText = Optional.ofNullable(anchor).map(String::strip).filter(a -> !a.isEmpty());
        boolean isNew = archive.blobs().put(fetched.body(), fetched.sha256(), fetched.size());
        archive.captures().record(new Capture(null, fetched.url(), fetched.location().orElse(fetched.url()), fetched.status(),
                fetched.headers(), fetched.fetchedAt(), fetched.sha256(), fetched.size(), fetched.contentType(), site.id(), runId,
                Optional.ofNullable(foundOn), filename, linkText, fetched.method()));
        progress.fetched(site.id(), fetched.size(), isNew);
        if (fetched.status() / 100 == 2 && !archive.texts().contains(fetched.sha256())) {
            Extraction text = archive.texts().put(fetched.sha256(),
                    extractor.extract(fetched.body(), filename.orElseGet(() -> lastPathSegment(fetched.url()))));
            if (text.status() != Extraction.Status.OK) {
                progress.note(site.id(), fetched.url(), "text " + text.status() + text.problem().map(p -> ": " + p).orElse(""));
            }
        }
    }

    /** A name hint for type detection when the server gave no file name. */
    private static String lastPathSegment(String url) {
        String path = URI.create(url).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
