package xxgk.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportChange;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.store.CrawlRun;

/**
 * The last step of a crawl run: the catalogue of its sites brought up to date from what it captured (reports
 * recognised, changes logged) and the tables of new originals parsed. A run is FINISHED only once this is done, so
 * that a run whose process died during it is noticed (INTERRUPTED in phase CATALOGUE) and the step is done again.
 */
public final class Cataloguing {

    /** What the step did: the sites' reports, how many originals were parsed, and the run's changes. */
    public record Outcome(List<Report> reports, int parsed, List<ReportChange> changes) {
    }

    /** A run whose catalogue was built after its process died, and what building it did. */
    public record Rebuilt(CrawlRun run, Outcome outcome) {
    }

    private Cataloguing() {
    }

    /**
     * Builds the catalogue of the run's sites from what it captured, and what runs never finished did ({@link
     * xxgk.archive.catalog.ReportCatalog#refreshAfter}): the catalogue of the rest stands, each finished run having built its own.
     */
    public static Outcome of(Archive archive, String runId, List<String> sites) {
        Set<String> runs = new HashSet<>(archive.runs().notFinished());
        runs.add(runId);
        return built(archive, runId, archive.catalog().refreshAfter(runs, sites));
    }

    private static Outcome built(Archive archive, String runId, List<Report> reports) {
        try (ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses())) {
            int parsed = statistics.parse(reports, false);
            return new Outcome(reports, parsed, archive.catalog().changes().ofRun(runId));
        }
    }

    /**
     * Builds the catalogue of every run interrupted while building it, and records each finished: the whole catalogue
     * of its sites, which is always right and seldom needed.
     */
    public static List<Rebuilt> redoInterrupted(Archive archive) {
        List<Rebuilt> rebuilt = new ArrayList<>();
        for (CrawlRun run : archive.runs().interruptedWhileCataloguing()) {
            Outcome outcome = built(archive, run.id(), archive.catalog().refresh(run.sites()));
            archive.runs().catalogueRebuilt(run.id(), Instant.now());
            rebuilt.add(new Rebuilt(archive.runs().get(run.id()).orElseThrow(), outcome));
        }
        return rebuilt;
    }
}
