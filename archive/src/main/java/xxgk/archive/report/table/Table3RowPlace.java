package xxgk.archive.report.table;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import xxgk.archive.report.Labels;
import xxgk.archive.report.Table3Key;

/**
 * Recognises a table 三 row whose label the words of {@link Table3Key} miss — characters lost or swapped by a
 * damaged text layer or by OCR ("2.其他法律行政止公开") — the way a reader does, by its place: rows come in the
 * format's fixed order, so the candidates are the next few rows after the last one recognised; a printed number
 * ("2.", "(三)", "四、") must be the candidate's own; and most of the remaining characters must appear, in order,
 * in the candidate's label.
 */
final class Table3RowPlace {

    /** Rows a document may leave out between two it prints. */
    private static final int LOOK_AHEAD = 5;
    /** The share of the printed characters (after the number) that must be the label's, in order. */
    private static final double SHARED = 0.6;
    private static final List<Table3Key> ORDER = List.of(Table3Key.values());

    private Table3RowPlace() {
    }

    /** {@code previous} is the last row recognised (null before the first); {@code found} the keys already read. */
    static Optional<Table3Key> recognise(String label, Table3Key previous, Set<String> found) {
        String number = Labels.printedNumber(label);
        String rest = label.substring(number.length());
        if (rest.length() < 2) {
            return Optional.empty();
        }
        Table3Key best = null;
        double bestShare = SHARED;
        int considered = 0;
        for (int i = previous == null ? 0 : ORDER.indexOf(previous) + 1; i < ORDER.size() && considered < LOOK_AHEAD; i++) {
            Table3Key candidate = ORDER.get(i);
            if (found.contains(candidate.key())) {
                continue;
            }
            considered++;
            String printed = Labels.normalise(candidate.label());
            String candidateNumber = Labels.printedNumber(printed);
            if (!number.isEmpty() && !number.equals(candidateNumber)) {
                continue;
            }
            // Without a number read, the number's characters count among the others.
            double share = number.isEmpty() ? (double) Labels.sharedInOrder(label, printed) / label.length()
                    : (double) Labels.sharedInOrder(rest, printed.substring(candidateNumber.length())) / rest.length();
            if (share > bestShare || (share == bestShare && best == null)) {
                best = candidate;
                bestShare = share;
            }
        }
        return Optional.ofNullable(best);
    }
}
