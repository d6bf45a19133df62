package xxgk.archive.report.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF into rows from where its glyphs stand. Inside ruled tables, the cell borders decide: the glyphs
 * between two vertical rules and below one horizontal rule form one cell, however its text wraps (header cells
 * broken over lines, vertical headers one character per line, labels spanning several rows). Outside them, glyphs
 * on one baseline form a line, split into cells where the gap is wider than a character. Pages follow each other,
 * so a table split across pages continues.
 */
public final class PdfPositionalReader {

    /** A gap wider than this many font sizes separates two cells on an unruled line. */
    private static final float CELL_GAP = 0.9f;
    /** Rules closer than this are one border drawn twice. */
    private static final double SAME_RULE = 1.5;

    private PdfPositionalReader() {
    }

    /** The rows, or empty when the PDF has no text layer (an image-only scan). */
    public static Optional<ReportDocument> read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            GlyphCollector collector = new GlyphCollector();
            collector.setSortByPosition(true);
            collector.getText(doc);
            List<Row> rows = new ArrayList<>();
            long glyphs = 0;
            for (int page = 0; page < collector.pages.size(); page++) {
                List<TextPosition> onPage = collector.pages.get(page);
                glyphs += onPage.stream().filter(g -> !g.getUnicode().isBlank()).count();
                rows.addAll(pageRows(onPage, PdfRulings.of(doc.getPage(page)), page + 1));
            }
            return glyphs == 0 ? Optional.empty()
                    : Optional.of(new ReportDocument(rows, "pdf-positional"));
        }
    }

    /** A row under construction and where it stands on the page, for putting rows in reading order. */
    private record PlacedRow(double y, Row row) {
    }

    private static List<Row> pageRows(List<TextPosition> glyphs, PdfRulings rulings, int page) {
        String location = "page " + page;
        Map<Long, TreeMap<Integer, List<TextPosition>>> cellsByBand = new HashMap<>();
        Map<Long, Double> bandTop = new HashMap<>();
        List<TextPosition> unruled = new ArrayList<>();
        for (TextPosition g : glyphs) {
            double x = g.getXDirAdj() + g.getWidthDirAdj() / 2;
            double y = g.getYDirAdj() - g.getHeightDir() / 2;
            List<Double> borders = verticalBorders(rulings, y);
            Optional<PdfRulings.Rule> above = rulings.horizontal.stream()
                    .filter(r -> r.position() <= y && r.covers(x)).max(Comparator.comparingDouble(PdfRulings.Rule::position));
            boolean inTable = above.isPresent() && !borders.isEmpty() && borders.get(0) < x
                    && borders.get(borders.size() - 1) > x;
            if (!inTable) {
                unruled.add(g);
                continue;
            }
            // Borders are drawn cell by cell, the same line a fraction of a point apart: snap them together.
            double top = above.get().position();
            long band = bandTop.entrySet().stream().filter(e -> Math.abs(e.getValue() - top) <= SAME_RULE)
                    .map(Map.Entry::getKey).findFirst().orElse((long) bandTop.size());
            bandTop.putIfAbsent(band, top);
            int column = (int) borders.stream().filter(b -> b < x).count() - 1;
            cellsByBand.computeIfAbsent(band, b -> new TreeMap<>()).computeIfAbsent(column, c -> new ArrayList<>()).add(g);
        }
        List<PlacedRow> placed = new ArrayList<>();
        cellsByBand.forEach((band, columns) -> {
            double top = bandTop.get(band);
            int width = Math.max(columns.lastKey() + 1, verticalBorders(rulings, top + SAME_RULE * 2).size() - 1);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                List<TextPosition> inCell = columns.getOrDefault(c, List.of());
                StringBuilder text = new StringBuilder();
                lines(inCell).forEach(line -> line.forEach(g -> text.append(g.getUnicode())));
                cells.add(Cell.at(location, text.toString().strip()));
            }
            placed.add(new PlacedRow(top, new Row(cells, false)));
        });
        for (List<TextPosition> line : lines(unruled)) {
            placed.add(new PlacedRow(line.get(0).getYDirAdj() - line.get(0).getHeightDir(), lineRow(line, location)));
        }
        placed.sort(Comparator.comparingDouble(PlacedRow::y));
        return placed.stream().map(PlacedRow::row).toList();
    }

    /** The x positions of the vertical borders crossing height {@code y}, left to right, each border once. */
    private static List<Double> verticalBorders(PdfRulings rulings, double y) {
        List<Double> xs = rulings.vertical.stream().filter(r -> r.covers(y)).map(PdfRulings.Rule::position).sorted().toList();
        List<Double> distinct = new ArrayList<>();
        for (double x : xs) {
            if (distinct.isEmpty() || x - distinct.get(distinct.size() - 1) > SAME_RULE) {
                distinct.add(x);
            }
        }
        return distinct;
    }

    private static List<List<TextPosition>> lines(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
        List<List<TextPosition>> lines = new ArrayList<>();
        List<TextPosition> line = new ArrayList<>();
        float baseline = Float.NaN;
        for (TextPosition g : sorted) {
            if (!line.isEmpty() && Math.abs(g.getYDirAdj() - baseline) > g.getHeightDir() * 0.5f + 0.5f) {
                lines.add(line);
                line = new ArrayList<>();
            }
            if (line.isEmpty()) {
                baseline = g.getYDirAdj();
            }
            line.add(g);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        lines.forEach(l -> l.sort(Comparator.comparingDouble(TextPosition::getXDirAdj)));
        return lines;
    }

    private static Row lineRow(List<TextPosition> line, String location) {
        List<Cell> cells = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float end = Float.NaN;
        for (TextPosition g : line) {
            float em = g.getFontSizeInPt() > 1 ? g.getFontSizeInPt() : g.getHeightDir();
            if (text.length() > 0 && g.getXDirAdj() - end > CELL_GAP * em) {
                cells.add(Cell.at(location, text.toString().strip()));
                text.setLength(0);
            }
            text.append(g.getUnicode());
            end = g.getXDirAdj() + g.getWidthDirAdj();
        }
        cells.add(Cell.at(location, text.toString().strip()));
        return Row.line(cells);
    }

    /** Collects every glyph with its position, page by page. */
    private static final class GlyphCollector extends PDFTextStripper {
        private final List<List<TextPosition>> pages = new ArrayList<>();

        @Override
        protected void startPage(PDPage page) throws IOException {
            pages.add(new ArrayList<>());
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            pages.get(pages.size() - 1).add(text);
        }
    }
}
