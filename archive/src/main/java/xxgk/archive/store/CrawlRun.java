package xxgk.archive.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One crawl: which sites, when, how it ended, what it did per site and what went wrong. interruptedAt is when a run
 * left RUNNING by a process that died was noticed; catalogueRebuiltAt when the catalogue such a run had not built
 * was built after it.
 */
public record CrawlRun(String id, List<String> sites, Instant startedAt, Optional<Instant> endedAt, Status status,
                       List<SiteTally> tallies, List<CrawlProblem> problems, Phase phase, Optional<Instant> interruptedAt,
                       Optional<Instant> catalogueRebuiltAt) {

    /**
     * FAILED: answers were fetched that could not be archived; INTERRUPTED: its process died while it was RUNNING.
     * The same crawl continues either.
     */
    public enum Status { RUNNING, FINISHED, STOPPED, FAILED, INTERRUPTED }

    /** What the run was doing: fetching, then building the catalogue of its sites' reports; FINISHED only after that. */
    public enum Phase { FETCH, CATALOGUE, DONE }
}
