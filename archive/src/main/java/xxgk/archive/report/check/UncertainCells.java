package xxgk.archive.report.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import xxgk.archive.report.CellValue;
import xxgk.archive.report.ReportJson;
import xxgk.archive.report.ReportTables;
import xxgk.archive.report.UncertainCell;

/**
 * The cells of a scanned report not to be trusted: those whose reading Tesseract doubted, and those the format's
 * arithmetic points at. A broken sum is traced to the cells it shares with the most other broken sums — one
 * misread cell breaks its row total and its column's sums, which meet in that cell alone, while all its
 * neighbours keep theirs. Every broken sum names at least one cell, so no misreading that the arithmetic sees
 * goes unreported.
 */
public final class UncertainCells {

    private UncertainCells() {
    }

    /** {@code readingDoubts}: why a reading was doubted, by the location of the cell it was read from. */
    public static List<UncertainCell> find(ReportTables tables, Map<String, String> readingDoubts) {
        Map<String, CellValue> cells = ReportJson.cells(tables);
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        cells.forEach((column, cell) -> {
            String doubt = readingDoubts.get(cell.source().location());
            if (doubt != null) {
                reasons.computeIfAbsent(column, c -> new ArrayList<>()).add("OCR " + doubt);
            }
        });
        List<Equation> broken = HardRule.allEquations(tables).stream().filter(e -> !e.holds()).toList();
        Map<String, Integer> brokenSums = new HashMap<>();
        broken.forEach(e -> e.terms().forEach(t -> brokenSums.merge(t.cell(), 1, Integer::sum)));
        for (Equation e : broken) {
            int most = e.terms().stream().mapToInt(t -> brokenSums.get(t.cell())).max().orElse(0);
            e.terms().stream().filter(t -> brokenSums.get(t.cell()) == most).forEach(t -> {
                List<String> r = reasons.computeIfAbsent(t.cell(), c -> new ArrayList<>());
                if (r.stream().noneMatch(x -> x.startsWith("breaks"))) {
                    r.add(arithmetic(t.cell(), broken));
                }
            });
        }
        List<UncertainCell> uncertain = new ArrayList<>();
        cells.forEach((column, cell) -> {
            if (reasons.containsKey(column)) {
                uncertain.add(new UncertainCell(column, cell.value(), String.join("; ", reasons.get(column))));
            }
        });
        return uncertain;
    }

    /** Which broken sums hold the cell, and the value they imply if they agree on one. */
    private static String arithmetic(String cell, List<Equation> broken) {
        List<Equation> holding = broken.stream().filter(e -> e.terms().stream().anyMatch(t -> t.cell().equals(cell))).toList();
        List<Long> implied = holding.stream().map(e -> e.balancingValue(cell)).distinct().toList();
        String sums = holding.stream().map(Equation::rule).collect(Collectors.joining(", "));
        return "breaks " + sums + (implied.size() == 1 && holding.size() > 1 ? " (they imply " + implied.get(0) + ")" : "");
    }
}
