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
 */
final class AlignedTable {

    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> right = new HashSet<>();

    AlignedTable(String... header) {
        this.header = List.of(header);
    }

    /** Numbers read best right-aligned. */
    AlignedTable alignRight(int... columns) {
        Arrays.stream(columns).forEach(right::add);
        return this;
    }

    void add(Object... cells) {
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList());
    }

    /** Prints the header and the rows; nothing at all when there are no rows, so that an empty answer is empty. */
    void print(PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        for (List<String> row : withHeader()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - width(cell));
                boolean last = i == row.size() - 1;
                line.append(i == 0 ? "" : GAP).append(right.contains(i) ? pad + cell : cell + (last ? "" : pad));
            }
            out.println(line);
        }
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        return all;
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
