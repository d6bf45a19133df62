package xxgk.archive.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A site's reports as a supervisor reads them: one row per agency, one column per report year, each cell the agency's
 * standing for that year — published on time, late, missing (it reported before, not this year) or removed from the
 * portal — with a mark when a consistency check of the report fails. Deadlines decide on time and late.
 *
 * @param site  the site id
 * @param years the years shown, oldest first
 * @param rows  the agencies, by name
 */
public record ReportGrid(String site, List<Integer> years, List<Row> rows) {

    /** An agency's standing for a year. */
    public enum State {
        ON_TIME, LATE, MISSING, REMOVED;

        /** As people read it: on time, late, missing, removed. */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One agency and year.
     *
     * @param report     the report; empty when missing
     * @param checkFails whether a consistency check of its tables fails
     */
    public record Cell(State state, Optional<Report> report, boolean checkFails) {
    }

    /** An agency's cells by year; a year before its first report has none. */
    public record Row(String agency, Map<Integer, Cell> cells) {
    }

    /** The grids of the listed reports' sites, by site id; only the year when one is given. */
    public static List<ReportGrid> of(List<ReportListing.Listed> listed, OptionalInt year) {
        Map<String, List<ReportListing.Listed>> bySite = listed.stream()
                .collect(Collectors.groupingBy(l -> l.report().site(), TreeMap::new, Collectors.toList()));
        List<ReportGrid> grids = new ArrayList<>();
        bySite.forEach((site, theirs) -> grids.add(grid(site, theirs, year)));
        return grids;
    }

    private static ReportGrid grid(String site, List<ReportListing.Listed> listed, OptionalInt year) {
        List<Report> reports = listed.stream().map(ReportListing.Listed::report).toList();
        Map<String, ReportListing.Listed> byId = listed.stream().collect(Collectors.toMap(l -> l.report().id(), Function.identity()));
        List<Integer> years = reports.stream().map(Report::year).filter(y -> y > 0 && (year.isEmpty() || y == year.getAsInt()))
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        Map<String, Map<Integer, Cell>> cells = new TreeMap<>();
        for (int y : years) {
            for (Deadlines.Entry e : Deadlines.of(reports, y, Optional.empty())) {
                Optional<ReportListing.Listed> l = e.report().map(byId::get);
                State state = l.filter(x -> x.report().status() == Report.Status.REMOVED).isPresent() ? State.REMOVED
                        : State.valueOf(e.status().name());
                cells.computeIfAbsent(e.agency(), a -> new LinkedHashMap<>())
                        .put(y, new Cell(state, l.map(ReportListing.Listed::report), l.map(ReportListing.Listed::checkFails).orElse(false)));
            }
        }
        return new ReportGrid(site, years, cells.entrySet().stream().map(c -> new Row(c.getKey(), c.getValue())).toList());
    }
}
