package xxgk.archive.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table 三 (收到和处理政府信息公开申请情况) as printed: each row the document has, by {@link Table3Key#key() key}, with
 * its seven values in {@link Applicant} order. A row the document lacks is absent, never zero.
 */
public record Table3(Map<String, List<CellValue>> rows) {

    public static final Table3 EMPTY = new Table3(Map.of());

    public Table3 {
        Map<String, List<CellValue>> copy = new LinkedHashMap<>();
        rows.forEach((key, values) -> {
            if (values.size() != Applicant.values().length) {
                throw new IllegalArgumentException("table 三 row " + key + " has " + values.size() + " values, not 7");
            }
            copy.put(key, List.copyOf(values));
        });
        rows = Collections.unmodifiableMap(copy);
    }

    public boolean has(Table3Key key) {
        return rows.containsKey(key.key());
    }

    public Optional<CellValue> cell(Table3Key row, Applicant column) {
        return Optional.ofNullable(rows.get(row.key())).map(values -> values.get(column.ordinal()));
    }

    /** The value of a cell of a row that is present. */
    public long value(Table3Key row, Applicant column) {
        return cell(row, column).orElseThrow(() -> new IllegalStateException("no row " + row.key())).longValue();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
