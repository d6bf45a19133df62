package xxgk.archive.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import xxgk.archive.export.ExportColumns;
import xxgk.archive.export.ExportRow;
import xxgk.archive.report.Check;
import xxgk.archive.report.ParsedOriginals;
import xxgk.archive.report.ReportJson;
import xxgk.archive.report.Warning;
import xxgk.archive.report.check.CrossYearRules;
import xxgk.archive.store.BlobStore;
import xxgk.archive.store.ParseStore;
import xxgk.archive.store.StoredParse;

/**
 * The statistical tables of catalogued reports. Every original of a report is parsed (once per parser version);
 * the one that yields the most table cells is the report's data — the article page when its body carries the
 * tables, else the attachment that does, whichever format reads best.
 */
public final class ReportStatistics implements AutoCloseable {

    private final ParseStore parses;
    private final ParsedOriginals originals;

    /** A document that keeps the parser busy longer is given up (and stored with that problem). */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    public ReportStatistics(BlobStore blobs, ParseStore parses) {
        this.parses = parses;
        this.originals = new ParsedOriginals(blobs, parses, TIMEOUT);
    }

    /** Parses the reports' originals that have no parse from this parser version, or all of them again; returns how many were parsed. */
    public int parse(List<Report> reports, boolean again) {
        int parsed = 0;
        Set<String> seen = new HashSet<>();
        for (Report report : reports) {
            for (ReportOriginal original : report.originals()) {
                if (seen.add(original.sha256()) && (again || !originals.parsed(original.sha256()))) {
                    originals.reparse(original.sha256(), name(original));
                    parsed++;
                }
            }
        }
        return parsed;
    }

    /**
     * The report's data: the stored parse of its original with the most cells — or, for a report before 2019 that prints
     * no tables, with common figures read from its prose; empty when none was parsed or none says anything.
     */
    public Optional<Parsed> of(Report report) {
        return report.originals().stream()
                .flatMap(o -> parses.get(o.sha256()).map(p -> new Parsed(o, p)).filter(Parsed::saysSomething).stream())
                .max(Comparator.comparingInt((Parsed p) -> p.parse().cellCount()).thenComparingInt(p -> p.result().path("commonFigures").size()));
    }

    /**
     * Warnings of the soft cross-year rules: the report, whose data is {@code now}, against the same agency's report of
     * the year before on the same site, when both are parsed.
     */
    public List<Warning> acrossYears(Report report, Optional<Parsed> now, List<Report> reports) {
        if (now.isEmpty()) {
            return List.of();
        }
        return reports.stream().filter(r -> r.site().equals(report.site()) && r.agency().equals(report.agency())
                        && r.year() + 1 == report.year())
                .findFirst().flatMap(this::of)
                .map(before -> CrossYearRules.consecutive(before.result(), now.get().result(), report.year())).orElse(List.of());
    }

    /** The parse a report's data comes from, and the original it was read from. */
    public record Parsed(ReportOriginal original, StoredParse parse) {

        /** Table cells, or at least the common figures of a report that prints none. */
        boolean saysSomething() {
            return parse.cellCount() > 0 || result().path("commonFigures").size() > 0;
        }

        /** The parse as the JSON of {@code xxgk parse --json}. */
        public JsonNode result() {
            return ReportJson.read(parse.result().orElse("{}"));
        }

        /** The ids of the consistency checks that fail, in check order. */
        public List<String> failedChecks() {
            List<String> failed = new ArrayList<>();
            result().path("checks").forEach(c -> {
                if (c.path("status").asText().equals(Check.Status.FAIL.name())) {
                    failed.add(c.path("id").asText());
                }
            });
            return failed;
        }

        /** The checks taken together: FAIL when one fails, else INCOMPLETE when one could not be assessed (or none ran), else PASS. */
        public String checkStatus() {
            List<String> statuses = new ArrayList<>();
            result().path("checks").forEach(c -> statuses.add(c.path("status").asText()));
            return statuses.contains(Check.Status.FAIL.name()) ? "FAIL"
                    : statuses.isEmpty() || statuses.contains(Check.Status.NOT_ASSESSABLE.name()) ? "INCOMPLETE" : "PASS";
        }

        public ExportRow row(Report report) {
            return new ExportRow(report.id(), report.agency(), report.year(), report.title(),
                    report.published().map(Object::toString).orElse(""), result().path("format").asText(""), checkStatus(),
                    failedChecks(), parse.parserVersion(), report.site(), original.url(), original.sha256(), cells());
        }

        /** The table cells, then the common figures (as {@code common_<id>}) where the parse found them. */
        private Map<String, BigDecimal> cells() {
            Map<String, BigDecimal> cells = new LinkedHashMap<>(ReportJson.cellsFromJson(parse.cells().orElse("{}")));
            result().path("commonFigures").fields().forEachRemaining(figure -> cells.put(ExportColumns.COMMON + figure.getKey(),
                    figure.getValue().path("value").decimalValue()));
            return cells;
        }
    }

    /** A name for type detection and notes: the file name, else the URL's last segment. */
    private static String name(ReportOriginal original) {
        return original.filename().orElseGet(() -> original.url().substring(original.url().lastIndexOf('/') + 1));
    }

    @Override
    public void close() {
        originals.close();
    }
}
