package xxgk.archive.store;

import java.time.Instant;

/** Something that went wrong or was left out during a crawl, kept with the run so nothing fails silently. */
public record CrawlProblem(Instant at, String site, String url, String problem) {
}
