package xxgk.crawler.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of one crawl run by content: the first URL each distinct page body was fetched at, and the best
 * priority it was fetched with. A page whose bytes were already seen elsewhere — a print view ({@code ?print=1},
 * {@code printContent.jsp}), the same article under a second path — is archived like any capture, but its links were
 * followed already and are not extracted again; unless it now comes with a better priority (the same column reached
 * through a more telling link), whose ranks its links deserve.
 */
final class PageDuplicates {

    private record Seen(String firstUrl, int priority) {}

    /**
     * Page bodies remembered, the most recently fetched: a copy is met soon after its original, from the same list
     * or article, and a copy met after its original was forgotten only has its links (known already) read again.
     */
    static final int REMEMBERED = 10_000;

    private final Map<String, Seen> bySha256 = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The other URL this body was first fetched at, when url is a copy that brings nothing new. */
    synchronized Optional<String> original(String sha256, String url, int priority) {
        Seen seen = bySha256.get(sha256);
        if (seen == null) {
            bySha256.put(sha256, new Seen(url, priority));
            return Optional.empty();
        }
        if (priority > seen.priority()) {
            bySha256.put(sha256, new Seen(seen.firstUrl(), priority));
            return Optional.empty();
        }
        return seen.firstUrl().equals(url) ? Optional.empty() : Optional.of(seen.firstUrl());
    }
}
