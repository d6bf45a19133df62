package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import xxgk.archive.report.Applicant;
import xxgk.archive.report.CellValue;
import xxgk.archive.report.Table3;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.document.Cell;
import xxgk.archive.report.document.Row;

/**
 * Reads table 三 from rows: each row is recognised by its label, and its seven values are taken in
 * {@link Applicant} order. Labels broken over several rows (PDF lines) are joined with the row that carries values.
 */
final class Table3Reader {

    private static final int COLUMNS = Applicant.values().length;

    private Table3Reader() {
    }

    static Table3 read(List<Row> rows, List<String> notes) {
        Map<String, List<CellValue>> found = new LinkedHashMap<>();
        String pending = "";
        Table3Key previous = null;
        for (Row row : rows) {
            if (row.prose()) {
                continue;
            }
            LabelledRow r = LabelledRow.of(row);
            if (r.values().isEmpty()) {
                pending += r.joinedLabel();
                continue;
            }
            boolean inOtherHandling = previous == Table3Key.NOT_SUPPLEMENTED || previous == Table3Key.FEE_NOT_PAID
                    || r.joinedLabel().contains("其他处理");
            Optional<Table3Key> key = Table3Key.recognise(r.lastLabel(), inOtherHandling)
                    .or(() -> Table3Key.recognise(r.joinedLabel(), inOtherHandling));
            if (key.isEmpty()) {
                String withPending = pending + r.joinedLabel();
                key = Table3Key.recognise(withPending, inOtherHandling);
            }
            pending = "";
            if (key.isEmpty()) {
                if (r.numberCount() > 0) {
                    notes.add("t3 row not recognised, skipped: \"" + r.joinedLabel() + "\" ("
                            + r.values().get(0).source().location() + ")");
                }
                continue;
            }
            String where = "t3 " + key.get().key();
            if (found.containsKey(key.get().key())) {
                notes.add(where + " printed again, second one ignored (" + r.values().get(0).source().location() + ")");
                continue;
            }
            Optional<List<Cell>> seven = sevenValues(r, where, notes);
            if (seven.isPresent()) {
                found.put(key.get().key(), CellValues.read(seven.get(), where, notes));
                previous = key.get();
            }
        }
        return new Table3(found);
    }

    private static Optional<List<Cell>> sevenValues(LabelledRow r, String where, List<String> notes) {
        List<Cell> numbers = r.values().stream().filter(c -> c.reading().isNumber()).collect(Collectors.toList());
        if (numbers.size() == COLUMNS) {
            return Optional.of(numbers);
        }
        if (numbers.size() > COLUMNS) {
            return Optional.of(dropExtraColumns(numbers, where, notes));
        }
        List<Cell> withBlanks = r.valuesTrimmedTo(COLUMNS);
        if (withBlanks.size() == COLUMNS) {
            return Optional.of(withBlanks);
        }
        notes.add(where + " has " + withBlanks.size() + " value cells, not 7: row skipped ("
                + r.values().get(0).source().location() + ")");
        return Optional.empty();
    }

    /**
     * More than seven numbers: some layouts add a 法人或其他组织 subtotal column or split one column in two. The
     * first is 自然人 and the last 总计; among the others, a column equal to the sum of the rest is a subtotal and
     * is dropped; failing that, the columns beyond the fifth organisation column are dropped.
     */
    private static List<Cell> dropExtraColumns(List<Cell> numbers, String where, List<String> notes) {
        List<Cell> middle = new ArrayList<>(numbers.subList(1, numbers.size() - 1));
        String how = "dropped columns beyond the 7th";
        if (middle.size() == Applicant.APPLICANTS.size()) {
            long sum = middle.stream().mapToLong(c -> c.reading().number().longValue()).sum();
            for (int i = 0; i < middle.size(); i++) {
                if (2 * middle.get(i).reading().number().longValue() == sum) {
                    middle.remove(i);
                    how = "dropped value " + (i + 2) + ", equal to the sum of the other organisation columns"
                            + " (a subtotal, or a spare empty column)";
                    break;
                }
            }
        }
        List<Cell> seven = new ArrayList<>();
        seven.add(numbers.get(0));
        seven.addAll(middle.subList(0, Applicant.APPLICANTS.size() - 1));
        seven.add(numbers.get(numbers.size() - 1));
        notes.add(where + " printed " + numbers.size() + " numbers: " + how + " ("
                + numbers.get(0).source().location() + ")");
        return seven;
    }
}
