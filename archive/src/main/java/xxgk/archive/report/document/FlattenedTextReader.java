package xxgk.archive.report.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds table rows from text in which extraction flattened the tables. It knows the layouts seen in real
 * extractions: one row per line with tab-separated cells; one cell per line, each starting with a tab, rows
 * separated by an empty line, and cells broken over several lines (vertical headers one character per line);
 * and a label followed by space-separated numbers. Any other line is prose.
 */
public final class FlattenedTextReader {

    /** A line this short after a one-cell-per-line cell continues that cell rather than starting prose. */
    private static final int MAX_CONTINUATION = 6;
    /** More words than this before the numbers make a sentence, not a row label. */
    private static final int MAX_LABEL_TOKENS = 3;

    private FlattenedTextReader() {
    }

    public static ReportDocument read(String text, String reader) {
        List<Row> rows = new ArrayList<>();
        List<Cell> cellPerLine = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String location = "line " + (i + 1);
            int tab = line.indexOf('\t');
            if (tab >= 0) {
                String head = line.substring(0, tab);
                String[] pieces = line.substring(tab + 1).split("\t", -1);
                if (head.isBlank() && pieces.length == 1) {
                    cellPerLine.add(Cell.at(location, pieces[0].strip()));
                    continue;
                }
                flush(cellPerLine, rows);
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.at(location, head.strip()));
                for (String piece : pieces) {
                    cells.add(Cell.at(location, piece.strip()));
                }
                rows.add(new Row(cells, false));
                continue;
            }
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                flush(cellPerLine, rows);
            } else if (!cellPerLine.isEmpty() && stripped.length() <= MAX_CONTINUATION) {
                Cell last = cellPerLine.remove(cellPerLine.size() - 1);
                cellPerLine.add(Cell.at(last.source().location(), last.text() + stripped));
            } else {
                flush(cellPerLine, rows);
                rows.add(labelAndNumbers(stripped, location).orElseGet(() -> Row.prose(Cell.at(location, stripped))));
            }
        }
        flush(cellPerLine, rows);
        return new ReportDocument(rows, reader);
    }

    private static void flush(List<Cell> cellPerLine, List<Row> rows) {
        if (!cellPerLine.isEmpty()) {
            rows.add(new Row(cellPerLine, false));
            cellPerLine.clear();
        }
    }

    /** "规章 1 1 70" or "3 0 0 1 0 0 4": a short label, if any, then at least two numbers. */
    private static Optional<Row> labelAndNumbers(String line, String location) {
        String[] tokens = line.split("[\\s\\u3000]+");
        int firstValue = tokens.length;
        int numbers = 0;
        while (firstValue > 0 && tokens[firstValue - 1].length() > 0 && CellText.read(tokens[firstValue - 1]).isValue()) {
            firstValue--;
            if (CellText.read(tokens[firstValue]).isNumber()) {
                numbers++;
            }
        }
        if (numbers < 2 || firstValue > MAX_LABEL_TOKENS) {
            return Optional.empty();
        }
        List<Cell> cells = new ArrayList<>();
        String label = String.join("", List.of(tokens).subList(0, firstValue));
        if (!label.isEmpty()) {
            cells.add(Cell.at(location, label));
        }
        for (int t = firstValue; t < tokens.length; t++) {
            cells.add(Cell.at(location, tokens[t]));
        }
        return Optional.of(new Row(cells, false));
    }
}
