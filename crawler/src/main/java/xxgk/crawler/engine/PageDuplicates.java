package xxgk.crawler.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pages of one crawl run by content: the first URL each distinct page body was fetched at, and the best
 * priority it was fetched with. A page whose bytes were already seen elsewhere — a print view ({@code ?print=1},
 * {@code printContent.jsp}), the same article under a second path — is archived like any capture, but its links were
 * followed already and are not extracted again; unless it now comes with a better priority (the same column reached
 * through a more telling link), whose ranks its links deserve.
 */
final class PageDuplicates {

    private record Seen(String firstUrl, int priority) {}

    private final Map<String, Seen> bySha256 = new ConcurrentHashMap<>();

    /** The other URL this body was first fetched at, when url is a copy that brings nothing new. */
    Optional<String> original(String sha256, String url, int priority) {
        AtomicReference<String> copyOf = new AtomicReference<>();
        bySha256.compute(sha256, (key, seen) -> {
            if (seen == null) {
                return new Seen(url, priority);
            }
            if (priority > seen.priority()) {
                return new Seen(seen.firstUrl(), priority);
            }
            if (!seen.firstUrl().equals(url)) {
                copyOf.set(seen.firstUrl());
            }
            return seen;
        });
        return Optional.ofNullable(copyOf.get());
    }
}
