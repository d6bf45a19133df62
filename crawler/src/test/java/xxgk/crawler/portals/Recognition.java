package xxgk.crawler.portals;

import java.util.List;
import java.util.Optional;

import xxgk.archive.Archive;

/**
 * The one place the fixture test and benchmark ask the archive which reports it recognises. Report recognition
 * (the archive's report catalogue) is not part of this build yet, so there is no answer: callers print "n/a" or
 * skip. Wiring it in is mapping each catalogue report to a {@link RecognisedReport} here.
 */
final class Recognition {

    private Recognition() {}

    /** The reports the archive recognises on the given sites, or empty while recognition is not built. */
    static Optional<List<RecognisedReport>> recognised(Archive archive, List<String> sites) {
        return Optional.empty();
    }
}
