package xxgk.archive.catalog;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who published the report for a year on time. 《政府信息公开条例》第四十九条 (as revised in 2019, in force for the
 * reports on 2019 onward): a people's government publishes its own report by 31 March, every other body by 31 January
 * of the following year; under the 2007 text every report was due by 31 March.
 *
 * <p>The agencies asked about are those of the site with a report for the year or an earlier one: an agency that
 * reported before and not this year is {@code missing}. A report with no date (catalogued by an older version,
 * until {@code xxgk reparse}) cannot be shown to be on time: it counts as late.
 */
public final class Deadlines {

    /** Late and missing first: what a supervisor acts on. */
    public enum Status {
        LATE, MISSING, ON_TIME;

        /** As scripts read it: late, missing, on_time. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One agency's standing for a report year.
     *
     * @param published       the report's publication date; empty when missing (or when an older catalogue has none)
     * @param publishedSource what states it (see {@link Report#publishedSource()}); "" when missing
     * @param report          the report's id; empty when missing
     */
    public record Entry(String agency, String site, int year, Status status, LocalDate deadline, Optional<LocalDate> published,
                        String publishedSource, Optional<String> report) {

        /** {@code {"agency", "site", "year", "status", "deadline", "published", "published_source", "report"}}. */
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("agency", agency).put("site", site).put("year", year).put("status", status.word())
                    .put("deadline", deadline.toString());
            json.put("published", published.map(LocalDate::toString).orElse(null));
            json.put("published_source", publishedSource.isEmpty() ? null : publishedSource);
            json.put("report", report.orElse(null));
            return json;
        }
    }

    /** The first report year under the revised 条例 (in force from 15 May 2019). */
    private static final int REVISED = 2019;
    private static final MonthDay GOVERNMENT = MonthDay.of(3, 31);
    private static final MonthDay DEPARTMENT = MonthDay.of(1, 31);

    private Deadlines() {
    }

    /** The statutory deadline of an agency's report on a year. */
    public static LocalDate statutory(String agency, int year) {
        MonthDay due = year < REVISED || Agency.isGovernment(agency) ? GOVERNMENT : DEPARTMENT;
        return due.atYear(year + 1);
    }

    /**
     * Every agency of the given reports' sites with a report for year or before, late and missing first, then by site
     * and agency. An agency's report for the year is its earliest published one (a later 补充说明 does not make it late).
     *
     * @param override a deadline for every agency instead of the statute's
     */
    public static List<Entry> of(List<Report> reports, int year, Optional<MonthDay> override) {
        Map<String, Map<String, List<Report>>> bySiteAndAgency = new TreeMap<>();
        for (Report r : reports) {
            if (r.year() > 0 && r.year() <= year && !r.agency().isEmpty()) {
                bySiteAndAgency.computeIfAbsent(r.site(), s -> new TreeMap<>()).computeIfAbsent(r.agency(), a -> new ArrayList<>()).add(r);
            }
        }
        List<Entry> entries = new ArrayList<>();
        bySiteAndAgency.forEach((site, agencies) -> agencies.forEach((agency, theirs) -> {
            LocalDate deadline = override.map(d -> d.atYear(year + 1)).orElseGet(() -> statutory(agency, year));
            Optional<Report> report = theirs.stream().filter(r -> r.year() == year)
                    .min(Comparator.comparing((Report r) -> r.published().orElse(LocalDate.MAX)).thenComparing(Report::id));
            Status status = report.map(r -> r.published().filter(p -> !p.isAfter(deadline)).isPresent() ? Status.ON_TIME : Status.LATE)
                    .orElse(Status.MISSING);
            entries.add(new Entry(agency, site, year, status, deadline, report.flatMap(Report::published),
                    report.map(Report::publishedSource).orElse(""), report.map(Report::id)));
        }));
        entries.sort(Comparator.comparing(Entry::status).thenComparing(Entry::site).thenComparing(Entry::agency));
        return entries;
    }
}
