package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xxgk.archive.report.Table4;
import xxgk.archive.report.document.Cell;
import xxgk.archive.report.document.Row;

/**
 * Reads the one data row of table 四. The header has no numbers, so the values are the numbers of the rows that
 * carry several values; a row with a lone number is a page number or a stray note.
 */
final class Table4Reader {

    private static final int MIN_VALUES_IN_ROW = 3;

    private Table4Reader() {
    }

    static Optional<Table4> read(List<Row> rows, List<String> notes) {
        List<Cell> values = new ArrayList<>();
        for (Row row : rows) {
            if (row.prose()) {
                continue;
            }
            LabelledRow r = LabelledRow.of(row);
            if (r.numberCount() > 0 && r.values().size() >= MIN_VALUES_IN_ROW) {
                values.addAll(r.valuesTrimmedTo(0));
            }
        }
        List<Cell> numbers = values.stream().filter(c -> c.reading().isNumber()).toList();
        if (values.size() != Table4.SIZE && numbers.size() == Table4.SIZE) {
            values = numbers;
        }
        if (values.size() == Table4.SIZE) {
            return Optional.of(new Table4(CellValues.read(values, "t4", notes)));
        }
        if (!values.isEmpty()) {
            notes.add("t4 has " + values.size() + " values, not 15: table 四 not read ("
                    + values.get(0).source().location() + ")");
        }
        return Optional.empty();
    }
}
