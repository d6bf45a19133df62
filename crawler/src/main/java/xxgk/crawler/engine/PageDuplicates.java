package xxgk.crawler.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages of one crawl run by content: the first URL each distinct page body was fetched at. A page whose bytes
 * were already seen elsewhere — a print view ({@code ?print=1}, {@code printContent.jsp}), the same article under a
 * second path — is archived like any capture, but its links were followed already and are not extracted again.
 */
final class PageDuplicates {

    private final Map<String, String> firstUrlBySha256 = new ConcurrentHashMap<>();

    /** The other URL this body was first fetched at, if url is not the first. */
    Optional<String> original(String sha256, String url) {
        String first = firstUrlBySha256.putIfAbsent(sha256, url);
        return first == null || first.equals(url) ? Optional.empty() : Optional.of(first);
    }
}
