package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xxgk.archive.report.Labels;
import xxgk.archive.report.ReportFormat;
import xxgk.archive.report.Table2Row;
import xxgk.archive.report.document.Cell;
import xxgk.archive.report.document.Row;

/**
 * Reads table 二: rows whose label is one of the items the formats print, with the values after the label. The
 * format says how many values an item has, which tells trailing spare cells from blank values.
 */
final class Table2Reader {

    private Table2Reader() {
    }

    static List<Table2Row> read(List<Row> rows, ReportFormat format, List<String> notes) {
        List<Table2Row> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row row : rows) {
            if (row.prose()) {
                continue;
            }
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                String printed = Labels.normalise(cells.get(i).text());
                List<Cell> after = valuesAfter(cells, i + 1);
                Optional<String> recognised = Table2Layout.ITEMS.contains(printed) ? Optional.of(printed)
                        : after.isEmpty() ? Optional.empty() : damagedItem(printed, seen);
                if (recognised.isEmpty()) {
                    continue;
                }
                String item = recognised.get();
                if (!item.equals(printed)) {
                    notes.add("t2 " + item + " recognised by most of its characters, printed \"" + printed + "\" ("
                            + cells.get(i).source().location() + ")");
                }
                String where = "t2 " + item;
                if (!seen.add(item)) {
                    notes.add(where + " printed again, second one ignored (" + cells.get(i).source().location() + ")");
                } else if (!after.isEmpty()) {
                    Optional<Integer> size = Table2Layout.columns(format, item).map(List::size);
                    items.add(new Table2Row(item, CellValues.read(values(after, size), where, notes)));
                }
                break;
            }
        }
        return items;
    }

    /**
     * The item a label stands for when its text lost or swapped characters: nearly all the printed characters are
     * the item's, in order, and they are most of the item's; one item only, not yet read.
     */
    private static Optional<String> damagedItem(String printed, Set<String> seen) {
        if (printed.length() < 2) {
            return Optional.empty();
        }
        List<String> matches = Table2Layout.ITEMS.stream().filter(item -> !seen.contains(item)).filter(item -> {
            int shared = Labels.sharedInOrder(printed, item);
            return shared >= 0.8 * printed.length() && shared >= 0.6 * item.length();
        }).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static List<Cell> valuesAfter(List<Cell> cells, int from) {
        List<Cell> values = new ArrayList<>();
        for (Cell c : cells.subList(from, cells.size())) {
            if (!c.reading().isValue()) {
                break;
            }
            values.add(c);
        }
        return values;
    }

    /** All the numbers when there are at least as many as the format has columns; else blanks count, up to that. */
    private static List<Cell> values(List<Cell> after, Optional<Integer> size) {
        List<Cell> numbers = after.stream().filter(c -> c.reading().isNumber()).toList();
        if (size.isEmpty() || numbers.size() >= size.get()) {
            return numbers;
        }
        LabelledRow r = new LabelledRow(List.of(), after);
        return r.valuesTrimmedTo(size.get());
    }
}
