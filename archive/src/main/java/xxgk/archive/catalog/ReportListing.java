package xxgk.archive.catalog;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.node.ObjectNode;

import xxgk.archive.report.Warning;

/**
 * The answer to "which reports, and what do their tables say": catalogued reports (of a site, of a year) with the
 * parse their data comes from and the cross-year warnings against the agency's year before. {@code xxgk reports}
 * and the web pages both ask here.
 */
public final class ReportListing {

    /**
     * One report with its data.
     *
     * @param parsed      the parse the report's data comes from; empty when none was parsed
     * @param acrossYears warnings of the soft cross-year rules
     */
    public record Listed(Report report, Optional<ReportStatistics.Parsed> parsed, List<Warning> acrossYears) {

        /** The object of {@code xxgk reports --json}. */
        public ObjectNode toJson() {
            return ReportsJson.toJson(report, parsed, acrossYears);
        }

        /** Whether a consistency check of its tables fails. */
        public boolean checkFails() {
            return parsed.map(p -> !p.failedChecks().isEmpty()).orElse(false);
        }
    }

    private ReportListing() {
    }

    /** The reports of the site (every site when empty) covering the year (every year when empty), in catalog order. */
    public static List<Listed> of(ReportCatalog catalog, ReportStatistics statistics, Optional<String> site, OptionalInt year) {
        // Every year is read even when one is chosen: the cross-year rules compare with the year before.
        List<Report> all = catalog.reports(site, OptionalInt.empty());
        return all.stream().filter(r -> year.isEmpty() || r.year() == year.getAsInt()).map(r -> {
            Optional<ReportStatistics.Parsed> parsed = statistics.of(r);
            return new Listed(r, parsed, statistics.acrossYears(r, parsed, all));
        }).toList();
    }
}
