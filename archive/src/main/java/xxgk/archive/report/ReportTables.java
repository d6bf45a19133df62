package xxgk.archive.report;

import java.util.List;
import java.util.Optional;

/** The three statistical tables of a report; {@code table4} is empty when the document has none. */
public record ReportTables(List<Table2Row> table2, Table3 table3, Optional<Table4> table4) {

    public ReportTables {
        table2 = List.copyOf(table2);
    }

    public boolean isEmpty() {
        return table2.isEmpty() && table3.isEmpty() && table4.isEmpty();
    }

    /** The cells read: seven per row of table 三, fifteen for table 四, and the values table 二 prints. */
    public int cellCount() {
        return table3.rows().size() * Applicant.values().length + table4.map(t -> Table4.SIZE).orElse(0)
                + table2.stream().mapToInt(r -> r.values().size()).sum();
    }
}
