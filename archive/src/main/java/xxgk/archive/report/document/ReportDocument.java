package xxgk.archive.report.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A document as the structure readers hand it on: its rows in reading order, the name of the reader that made
 * them (for provenance and for the benchmark), and the publication date the document itself states, if any.
 */
public record ReportDocument(List<Row> rows, String reader, Optional<LocalDate> published) {

    public ReportDocument {
        rows = List.copyOf(rows);
    }

    /** The number of cells that read as numbers: how much table a reader recovered. */
    public long numberCells() {
        return rows.stream().filter(r -> !r.prose()).flatMap(r -> r.cells().stream())
                .filter(c -> c.reading().isNumber()).count();
    }
}
