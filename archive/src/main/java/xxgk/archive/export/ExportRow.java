package xxgk.archive.export;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed report as a row of an export: the report (id, agency, year, title, published), what its tables say
 * of themselves (format, check status, failing checks, parser version), where they were read from (site, url,
 * sha256), and its table cells, named and ordered as {@link ExportColumns} documents.
 *
 * @param published    ISO date, empty when unknown
 * @param status       PASS, FAIL or INCOMPLETE: the consistency checks taken together
 * @param checksFailed the ids of the failing checks
 */
public record ExportRow(String id, String agency, int year, String title, String published, String format, String status,
                        List<String> checksFailed, String parserVersion, String site, String url, String sha256,
                        Map<String, BigDecimal> cells) {

    public ExportRow {
        checksFailed = List.copyOf(checksFailed);
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        cells.forEach((name, value) -> named.put(ExportColumns.canonical(name), value));
        cells = Collections.unmodifiableMap(named);
    }

    /** The identity values, in the order of {@link ExportColumns#IDENTITY}, as text. */
    List<String> identity() {
        return List.of(id, agency, String.valueOf(year), title, published, format, status, String.join(";", checksFailed),
                parserVersion, site, url, sha256);
    }
}
