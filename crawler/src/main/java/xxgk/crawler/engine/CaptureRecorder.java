package xxgk.crawler.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.config.Site;
import xxgk.crawler.fetch.Fetched;
import xxgk.crawler.fetch.Validators;

/**
 * Turns one fetched response into what the archive keeps of it — its original (once per distinct content), a capture
 * record and the original's text — and has it archived by the {@link Ingest}: a page through the journal, off the
 * fetching worker's path; robots.txt at once.
 *
 * <p>A URL fetched again is a revisit when the server answers 304 Not Modified to the validators of its
 * previous capture, or sends the very bytes of it: the capture records the exchange and refers to the stored
 * content, and no bytes are stored again.
 */
final class CaptureRecorder {

    private final Archive archive;
    private final Ingest ingest;
    private final String runId;
    private final PreviousCaptures previous;

    CaptureRecorder(Archive archive, Ingest ingest, String runId) {
        this.archive = archive;
        this.ingest = ingest;
        this.runId = runId;
        this.previous = new PreviousCaptures(archive.captures());
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
        return previous.of(url);
    }

    /** URLs about to be fetched: their previous captures are looked up now, together. */
    void upcoming(List<String> urls) {
        previous.lookUp(urls);
    }

    /**
     * What the archive is to keep of the fetch: a revisit of the previous content, or a response with its body.
     * foundOn and anchor: the page that linked here and the link's text, or null for seeds.
     */
    Spooled answer(Fetched fetched, Site site, String foundOn, String anchor, Optional<Previous> previous) {
        Optional<String> linkText = Optional.ofNullable(anchor).map(String::strip).filter(a -> !a.isEmpty());
        Optional<String> wall = fetched.wall().map(w -> w.description());
        Optional<Capture> same = previous.map(Previous::content).filter(p -> p.status() / 100 == 2)
                .filter(p -> fetched.notModified() || fetched.status() / 100 == 2 && p.sha256().equals(fetched.sha256()));
        if (same.isPresent()) {
            Capture content = same.get();
            return new Spooled(new Capture(new ObjectId(), fetched.url(), fetched.url(), fetched.status(), fetched.headers(),
                    fetched.fetchedAt(), content.sha256(), content.size(), content.contentType(), site.id(), runId,
                    Optional.ofNullable(foundOn), content.filename(), linkText, fetched.method(), Capture.Kind.REVISIT,
                    Optional.of(content.id()), Optional.of(fetched.exchange())), Optional.empty(), "", wall, false);
        }
        Optional<String> filename = ContentDisposition.filename(fetched.header("Content-Disposition").orElse(null));
        Capture response = new Capture(new ObjectId(), fetched.url(), fetched.location().orElse(fetched.url()), fetched.status(),
                fetched.headers(), fetched.fetchedAt(), fetched.sha256(), fetched.size(), fetched.contentType(), site.id(), runId,
                Optional.ofNullable(foundOn), filename, linkText, fetched.method(), Capture.Kind.RESPONSE, Optional.empty(),
                Optional.of(fetched.exchange()));
        return new Spooled(response, Optional.of(fetched.body()), filename.orElseGet(() -> lastPathSegment(fetched.url())), wall, false);
    }

    /** The capture holding the answer's content: itself for a response, the previous content for a revisit. */
    static Capture content(Spooled answer, Optional<Previous> previous) {
        return answer.capture().revisit() ? previous.orElseThrow().content() : answer.capture();
    }

    /** Hands the answer over for archiving; waits while the archive is behind. */
    void keep(Spooled answer) throws IOException, InterruptedException {
        ingest.submit(answer);
    }

    /** What a robots.txt answer says, and the capture holding it (the previous one, for a revisit). */
    record RobotsTxt(Capture content, byte[] bytes) {}

    /**
     * A robots.txt answer, read (handing it over moves its body into the ingest journal) and handed over to be archived
     * as evidence, like a page: archiving it at once held its host's opening up on the archive and on Tika. What its
     * status means is for the robots policy to judge (RFC 9309).
     */
    RobotsTxt keepRobotsTxt(Fetched fetched, Site site, Optional<Previous> previous) throws IOException {
        Spooled answer = answer(fetched, site, null, null, previous);
        Spooled robots = new Spooled(answer.capture(), answer.body(), answer.nameHint(), answer.wall(), true);
        Capture content = content(robots, previous);
        RobotsTxt read = new RobotsTxt(content, body(fetched, content));
        try {
            keep(robots);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted handing over " + fetched.url());
        }
        return read;
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

    /** A name hint for type detection when the server gave no file name. */
    private static String lastPathSegment(String url) {
        String path = URI.create(url).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
