package xxgk.crawler.fetch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hosts that answered with an {@link AntiBotWall} during this crawl; none of them is requested again. A host
 * refusing {@link #REFUSALS_TO_WALL} requests in a row with 403 or 429 counts as walled too.
 */
final class WalledHosts {

    static final int REFUSALS_TO_WALL = 3;

    private final Map<String, AntiBotWall> walls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusalsInARow = new ConcurrentHashMap<>();

    Optional<AntiBotWall> wallOf(String host) {
        return Optional.ofNullable(walls.get(host));
    }

    /** Takes note of one answer from host; returns the wall it is, if it is one (a challenge, or one refusal too many). */
    Optional<AntiBotWall> answered(String host, int status, Optional<AntiBotWall> challenge) {
        AtomicInteger refusals = refusalsInARow.computeIfAbsent(host, h -> new AtomicInteger());
        int inARow = status == 403 || status == 429 ? refusals.incrementAndGet() : resetTo0(refusals);
        Optional<AntiBotWall> wall = challenge.isPresent() ? challenge
                : inARow >= REFUSALS_TO_WALL ? Optional.of(AntiBotWall.REFUSALS) : Optional.empty();
        wall.ifPresent(w -> walls.putIfAbsent(host, w));
        return wall;
    }

    private static int resetTo0(AtomicInteger counter) {
        counter.set(0);
        return 0;
    }
}
