package xxgk.archive.report.document;

import java.util.List;
import xxgk.archive.report.Labels;

/**
 * One row of a table as the document laid it out, or one paragraph of prose ({@code prose}), in reading order.
 * Rows of all tables and paragraphs form one sequence because tables are found by the labels inside them,
 * and because tables split across pages or extracted one cell per line come back as such a sequence anyway.
 */
public record Row(List<Cell> cells, boolean prose) {

    /** A one-cell line this long, or ending a sentence, is prose rather than a table label or heading. */
    private static final int PROSE_LENGTH = 26;

    public Row {
        cells = List.copyOf(cells);
    }

    public static Row prose(Cell paragraph) {
        return new Row(List.of(paragraph), true);
    }

    /** A line of text standing alone, outside any table cell: prose, or a short heading or label. */
    static Row line(List<Cell> cells) {
        String only = cells.get(0).text();
        return new Row(cells, cells.size() == 1 && (only.length() >= PROSE_LENGTH || only.endsWith("。")));
    }

    /** All the row's text, without spaces, for finding headings and header words. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        cells.forEach(c -> sb.append(c.text()));
        return Labels.normalise(sb.toString());
    }
}
