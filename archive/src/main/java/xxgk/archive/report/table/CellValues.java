package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.List;
import xxgk.archive.report.CellValue;
import xxgk.archive.report.document.Cell;
import xxgk.archive.report.document.CellText;

/** Turns value cells into {@link CellValue}s, noting each blank read as 0 and each unit or note dropped. */
final class CellValues {

    private CellValues() {
    }

    /** {@code where} names the row for the notes, e.g. "t3 3.5.3". */
    static List<CellValue> read(List<Cell> cells, String where, List<String> notes) {
        List<CellValue> values = new ArrayList<>();
        List<String> blanks = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            CellText.Reading r = cell.reading();
            if (r.kind() == CellText.Kind.BLANK) {
                blanks.add(String.valueOf(i + 1));
            } else if (r.note() != null) {
                notes.add(where + " value " + (i + 1) + " read as " + r.number().toPlainString()
                        + " from \"" + cell.text() + "\" (" + r.note() + ", " + cell.source().location() + ")");
            }
            values.add(new CellValue(r.number(), cell.source(), r.kind() == CellText.Kind.BLANK));
        }
        if (!blanks.isEmpty()) {
            notes.add(where + " blank or \"/\" read as 0 in value " + String.join(", ", blanks)
                    + " (" + cells.get(0).source().location() + ")");
        }
        return values;
    }
}
