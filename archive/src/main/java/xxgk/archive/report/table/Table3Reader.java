package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).prose()) {
                continue;
            }
            LabelledRow r = LabelledRow.of(rows.get(i));
            if (r.values().isEmpty()) {
                pending += r.joinedLabel();
                continue;
            }
            boolean inOtherHandling = previous == Table3Key.NOT_SUPPLEMENTED || previous == Table3Key.FEE_NOT_PAID
                    || r.joinedLabel().contains("其他处理");
            int labelRowsAfter = labelRowsAfter(rows, i);
            String following = joinedLabels(rows.subList(i + 1, i + 1 + labelRowsAfter));
            String before = pending;
            pending = "";
            // The row's own label first; then, for a label wrapped over lines of its own, the lines after it
            // (labels top-aligned in their cell) and before it (labels centred on the values).
            Optional<Table3Key> key = Table3Key.recognise(r.lastLabel(), inOtherHandling)
                    .or(() -> Table3Key.recognise(r.joinedLabel(), inOtherHandling));
            if (key.isEmpty() && !following.isEmpty()) {
                key = Table3Key.recognise(r.joinedLabel() + following, inOtherHandling);
                if (key.isPresent()) {
                    i += labelRowsAfter;
                }
            }
            if (key.isEmpty()) {
                key = Table3Key.recognise(before + r.joinedLabel(), inOtherHandling);
            }
            if (key.isEmpty() && r.numberCount() > 0) {
                key = byPlace(r, previous, found.keySet(), notes);
            }
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
        dropBlankBlockHeading(found, notes);
        return new Table3(found);
    }

    /** A row whose label lost characters, recognised by its place, noted with the label as printed. */
    private static Optional<Table3Key> byPlace(LabelledRow r, Table3Key previous, Set<String> found,
            List<String> notes) {
        Optional<Table3Key> key = Table3RowPlace.recognise(r.lastLabel(), previous, found)
                .or(() -> Table3RowPlace.recognise(r.joinedLabel(), previous, found));
        key.ifPresent(k -> notes.add("t3 " + k.key() + " recognised by its place (after "
                + (previous == null ? "the header" : previous.key()) + ") and most of its characters, printed \""
                + r.joinedLabel() + "\" (" + r.values().get(0).source().location() + ")"));
        return key;
    }

    /**
     * A （六）其他处理 row with only empty cells, when its three parts are printed, is the block's heading standing
     * in a row of its own (as PDF cell borders can make it), not a row of zeros.
     */
    private static void dropBlankBlockHeading(Map<String, List<CellValue>> found, List<String> notes) {
        List<CellValue> heading = found.get(Table3Key.OTHER_HANDLING.key());
        boolean partsPrinted = Table3Key.OTHER_HANDLING_PARTS.stream().anyMatch(k -> found.containsKey(k.key()));
        if (heading != null && partsPrinted && heading.stream().allMatch(CellValue::blank)) {
            found.remove(Table3Key.OTHER_HANDLING.key());
            notes.removeIf(n -> n.startsWith("t3 3.6 blank"));
            notes.add("t3 3.6 printed empty above 3.6.1–3.6.3: read as the block's heading, not as a row");
        }
    }

    /** How many rows after {@code index} carry only label text: the rest of a wrapped label, or the next label. */
    private static int labelRowsAfter(List<Row> rows, int index) {
        int n = 0;
        while (index + 1 + n < rows.size() && !rows.get(index + 1 + n).prose()) {
            LabelledRow next = LabelledRow.of(rows.get(index + 1 + n));
            if (next.numberCount() != 0 || !next.values().stream().allMatch(c -> c.text().isBlank()) || next.labels().isEmpty()) {
                break;
            }
            n++;
        }
        return n;
    }

    private static String joinedLabels(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach(row -> sb.append(LabelledRow.of(row).joinedLabel()));
        return sb.toString();
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
