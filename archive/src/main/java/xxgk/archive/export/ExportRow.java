package xxgk.archive.export;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed report as a row of an export: who and which year, where its parsed original came from, and its
 * table cells named and ordered as {@link xxgk.archive.report.ReportJson#flatRow} gives them.
 */
public record ExportRow(String agency, int year, String site, String url, String sha256, Map<String, BigDecimal> cells) {

    public ExportRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells)); // keeps table order
    }
}
