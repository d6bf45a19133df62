package xxgk.archive.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import xxgk.archive.report.ReportJson;
import xxgk.archive.store.ParseStore;

/**
 * The table cells whose values differ between two versions of an original, named as the export names them
 * ({@code t3_3.7_总计}), read from the stored parses of both versions.
 */
public final class ChangedCells {

    /** One cell before and after; a value is null where that version has no such cell. */
    public record CellChange(String cell, BigDecimal oldValue, BigDecimal newValue) {
    }

    private final ParseStore parses;

    public ChangedCells(ParseStore parses) {
        this.parses = parses;
    }

    /** The cells that changed from oldSha256 to newSha256, in the export's order; empty when either is not parsed. */
    public List<CellChange> between(String oldSha256, String newSha256) {
        Optional<Map<String, BigDecimal>> before = cells(oldSha256);
        Optional<Map<String, BigDecimal>> after = cells(newSha256);
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(after.get().keySet());
        names.addAll(before.get().keySet());
        List<CellChange> changed = new ArrayList<>();
        for (String name : names) {
            BigDecimal was = before.get().get(name);
            BigDecimal is = after.get().get(name);
            if (was == null || is == null ? !Objects.equals(was, is) : was.compareTo(is) != 0) {
                changed.add(new CellChange(name, was, is));
            }
        }
        return changed;
    }

    private Optional<Map<String, BigDecimal>> cells(String sha256) {
        return parses.get(sha256).flatMap(p -> p.cells()).map(ReportJson::cellsFromJson);
    }
}
