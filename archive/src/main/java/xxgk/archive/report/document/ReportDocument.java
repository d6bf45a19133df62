package xxgk.archive.report.document;

import java.util.List;

/**
 * A document as the structure readers hand it on: its rows in reading order, the name of the reader that made
 * them (named in the report's notes).
 */
public record ReportDocument(List<Row> rows, String reader) {

    public ReportDocument {
        rows = List.copyOf(rows);
    }
}
