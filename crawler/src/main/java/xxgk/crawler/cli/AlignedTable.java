package xxgk.crawler.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows for people: a header row, then columns aligned by the width the characters take on a terminal — a Chinese
 * character takes two columns (Unicode East Asian Width W and F), so padding by character count would misalign.
 * Rows are kept and printed together ({@link #add}, {@link #print}), or, for a listing too long to keep, streamed:
 * a first pass {@link #measure}s every row, a second {@link #printRow}s each as it comes.
 */
final class AlignedTable {

    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> right = new HashSet<>();
    private final int[] widths;
    private boolean headerPrinted;

    AlignedTable(String... header) {
        this.header = List.of(header);
        this.widths = new int[header.length];
        widen(this.header);
    }

    /** Numbers read best right-aligned. */
    AlignedTable alignRight(int... columns) {
        Arrays.stream(columns).forEach(right::add);
        return this;
    }

    void add(Object... cells) {
        rows.add(measure(cells));
    }

    /** Prints the header and the rows; nothing at all when there are no rows, so that an empty answer is empty. */
    void print(PrintStream out) {
        rows.forEach(row -> printRow(out, row.toArray()));
    }

    /** Widens the columns to hold this row (streaming's first pass); returns its cells as they print. */
    List<String> measure(Object... cells) {
        List<String> row = Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList();
        widen(row);
        return row;
    }

    /** Prints a row in the widths measured so far, the header first (streaming's second pass). */
    void printRow(PrintStream out, Object... cells) {
        if (!headerPrinted) {
            headerPrinted = true;
            line(out, header);
        }
        line(out, Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList());
    }

    private void widen(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            widths[i] = Math.max(widths[i], width(row.get(i)));
        }
    }

    private void line(PrintStream out, List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            // A row the first pass did not see (archived in between) may be wider: it is printed whole.
            String pad = " ".repeat(Math.max(0, widths[i] - width(cell)));
            boolean last = i == row.size() - 1;
            line.append(i == 0 ? "" : GAP).append(right.contains(i) ? pad + cell : cell + (last ? "" : pad));
        }
        out.println(line);
    }

    /** Terminal columns the text takes: two for East Asian wide and fullwidth characters, none for combining marks. */
    static int width(String text) {
        return text.codePoints().map(AlignedTable::width).sum();
    }

    private static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
