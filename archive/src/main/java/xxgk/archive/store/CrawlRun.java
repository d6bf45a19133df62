package xxgk.archive.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One crawl: which sites, when, how it ended, what it did per site and what went wrong. */
public record CrawlRun(String id, List<String> sites, Instant startedAt, Optional<Instant> endedAt, Status status,
                       List<SiteTally> tallies, List<CrawlProblem> problems) {

    /** FAILED: answers were fetched that could not be archived; the same crawl continues the run. */
    public enum Status { RUNNING, FINISHED, STOPPED, FAILED }
}
