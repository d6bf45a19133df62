package xxgk.archive.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import xxgk.archive.store.ParseStore;

/**
 * The answer to "what changed": the change log (since a time, of a site), oldest first, each changed report with the
 * table cells its new version changed. {@code xxgk changes}, the changes page and the Atom feed all ask here.
 */
public final class ChangeListing {

    /** One change with, for {@link ReportChange.Kind#CHANGED}, the cells whose values differ (else none). */
    public record Listed(ReportChange change, List<ChangedCells.CellChange> cells) {

        /** The object of {@code xxgk changes --json}. */
        public ObjectNode toJson() {
            return ChangesJson.toJson(change, cells);
        }
    }

    private ChangeListing() {
    }

    public static List<Listed> of(ReportCatalog catalog, ParseStore parses, Optional<Instant> since, Optional<String> site) {
        ChangedCells cells = new ChangedCells(parses);
        return catalog.changes().since(since, site).stream().map(c -> new Listed(c, c.kind() == ReportChange.Kind.CHANGED
                ? cells.between(c.oldSha256().orElseThrow(), c.newSha256().orElseThrow()) : List.of())).toList();
    }
}
