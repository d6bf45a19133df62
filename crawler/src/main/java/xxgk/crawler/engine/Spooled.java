package xxgk.crawler.engine;

import java.nio.file.Path;
import java.util.Optional;

import xxgk.archive.store.Capture;

/**
 * An answer fetched and not yet archived: the capture to record, its id already given, and for a response the file
 * holding its body, to be stored as its original.
 *
 * @param nameHint  a file name or URL path for text extraction to tell the type by
 * @param wall      the anti-bot wall the answer is, described, if it is one
 * @param robotsTxt a robots.txt answer, whose status is the robots policy's to judge, not an error of the site's
 */
record Spooled(Capture capture, Optional<Path> body, String nameHint, Optional<String> wall, boolean robotsTxt) {

    String site() {
        return capture.site();
    }

    String url() {
        return capture.url();
    }
}
