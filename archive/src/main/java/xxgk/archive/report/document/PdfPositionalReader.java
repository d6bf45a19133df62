package xxgk.archive.report.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF into rows from where its glyphs stand: glyphs on one baseline form a line, and a horizontal gap
 * wider than a character splits the line into cells. Pages follow each other, so a table split across pages
 * continues; header cells broken over lines and vertical one-character-per-line headers become label-only rows,
 * which the table readers join with the row that carries the values.
 */
public final class PdfPositionalReader {

    /** A gap wider than this many font sizes separates two cells. */
    private static final float CELL_GAP = 0.9f;
    /** A single-cell line this long, or ending a sentence, is prose rather than a table label. */
    private static final int PROSE_LENGTH = 26;

    private PdfPositionalReader() {
    }

    /** The rows, or empty when the PDF has no text layer (an image-only scan). */
    public static Optional<ReportDocument> read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            GlyphCollector collector = new GlyphCollector();
            collector.setSortByPosition(true);
            collector.getText(doc);
            List<Row> rows = new ArrayList<>();
            int glyphs = 0;
            for (int page = 0; page < collector.pages.size(); page++) {
                List<TextPosition> onPage = collector.pages.get(page);
                glyphs += onPage.stream().filter(g -> !g.getUnicode().isBlank()).count();
                for (List<TextPosition> line : lines(onPage)) {
                    rows.add(row(line, page + 1));
                }
            }
            return glyphs == 0 ? Optional.empty() : Optional.of(new ReportDocument(rows, "pdf-positional", Optional.empty()));
        }
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
        return lines;
    }

    private static Row row(List<TextPosition> line, int page) {
        line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        String location = "page " + page;
        List<Cell> cells = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float end = Float.NaN;
        for (TextPosition g : line) {
            float gap = g.getXDirAdj() - end;
            float em = g.getFontSizeInPt() > 1 ? g.getFontSizeInPt() : g.getHeightDir();
            if (text.length() > 0 && gap > CELL_GAP * em) {
                cells.add(Cell.at(location, text.toString().strip()));
                text.setLength(0);
            }
            text.append(g.getUnicode());
            end = g.getXDirAdj() + g.getWidthDirAdj();
        }
        cells.add(Cell.at(location, text.toString().strip()));
        String only = cells.get(0).text();
        boolean prose = cells.size() == 1 && (only.length() >= PROSE_LENGTH || only.endsWith("。"));
        return new Row(cells, prose);
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
