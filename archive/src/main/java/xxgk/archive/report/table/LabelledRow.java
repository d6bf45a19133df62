package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.List;
import xxgk.archive.report.Labels;
import xxgk.archive.report.document.Cell;
import xxgk.archive.report.document.Row;

/**
 * A table row split where its labels end: the cells up to the last one that reads as text, and the value cells
 * after it (numbers and blanks). Leading empty cells are merged or spare label columns.
 */
record LabelledRow(List<Cell> labels, List<Cell> values) {

    static LabelledRow of(Row row) {
        List<Cell> cells = row.cells();
        int lastText = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).reading().isValue()) {
                lastText = i;
            }
        }
        List<Cell> labels = new ArrayList<>();
        for (Cell c : cells.subList(0, lastText + 1)) {
            if (!c.text().isBlank()) {
                labels.add(c);
            }
        }
        return new LabelledRow(labels, cells.subList(lastText + 1, cells.size()));
    }

    /** The most specific label, normalised: the last label cell. */
    String lastLabel() {
        return labels.isEmpty() ? "" : Labels.normalise(labels.get(labels.size() - 1).text());
    }

    String joinedLabel() {
        StringBuilder sb = new StringBuilder();
        labels.forEach(c -> sb.append(c.text()));
        return Labels.normalise(sb.toString());
    }

    long numberCount() {
        return values.stream().filter(c -> c.reading().isNumber()).count();
    }

    /** The value cells without blanks at either end beyond {@code size}: spare cells of the layout, not values. */
    List<Cell> valuesTrimmedTo(int size) {
        List<Cell> v = new ArrayList<>(values);
        boolean fromEnd = true;
        while (v.size() > size) {
            int end = fromEnd ? v.size() - 1 : 0;
            if (v.get(end).reading().isNumber()) {
                end = fromEnd ? 0 : v.size() - 1;
                if (v.get(end).reading().isNumber()) {
                    break;
                }
            }
            v.remove(end);
            fromEnd = !fromEnd;
        }
        return v;
    }
}
