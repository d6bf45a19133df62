package xxgk.archive.report.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the ruled tables of scanned pages cell by cell, as a person reads a scan: the grid is found from the
 * ruling lines ({@link ScanGrid}), every cell is recognised on its own (labels as Chinese text; the cells after a
 * row's last label with a digits-only setting), and the text outside the tables line by line. A number whose
 * reading Tesseract doubts is named in {@link Result#doubts()}, so that it is reported uncertain rather than
 * trusted.
 */
public final class ScannedTableReader {

    /** The rows, and the locations of cells whose reading is doubtful, each with why. */
    public record Result(ReportDocument document, Map<String, String> doubts) {
    }

    /** Scans are rendered at this resolution: characters of a 10.5 pt table about 30 pixels high. */
    private static final int DPI = 200;
    /** Pixels inside a cell's borders left out, so that the ruling lines are not read as "1" or "|". */
    private static final int INSET = 5;
    /** White margin around a cell's image: Tesseract reads text touching the edge poorly. */
    private static final int MARGIN = 12;
    /** Fewer ink pixels than this in a cell, and it is blank (specks of the scan). */
    private static final int MIN_INK = 12;
    /** Below this word confidence a digits-only reading is doubtful. */
    private static final double SURE = 80;

    private ScannedTableReader() {
    }

    /** A page of a scan, rendered when it is read: a long scan is never held in memory whole. */
    private interface Page {
        BufferedImage image() throws IOException;
    }

    /** A PDF of scanned pages, read; empty when no page has a ruled table (a whole-page reading does as well). */
    public static Optional<Result> read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                int index = i;
                pages.add(() -> renderer.renderImageWithDPI(index, DPI, ImageType.GRAY));
            }
            return read(pages);
        }
    }

    /** A scanned image, read likewise. */
    public static Optional<Result> read(BufferedImage scan) throws IOException {
        return read(List.of(() -> scan));
    }

    private static Optional<Result> read(List<Page> pages) throws IOException {
        List<PageCell> cells = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            BufferedImage page = gray(pages.get(p).image());
            ScanGrid grid = ScanGrid.of(page);
            for (int r = 0; r < grid.rows.size(); r++) {
                List<ScanGrid.Box> row = grid.rows.get(r);
                List<PageCell> rowCells = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    String location = "page " + (p + 1) + ", scanned table row " + (r + 1) + ", cell " + (c + 1);
                    rowCells.add(new PageCell(location, cellImage(page, row.get(c))));
                }
                cells.addAll(rowCells);
                placed.add(new Placed(p, row.get(0).top(), rowCells, null));
            }
            for (Tesseract.Line line : Tesseract.lines(withoutTables(page, grid))) {
                placed.add(new Placed(p, line.top(), null, line.text()));
            }
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> doubts = new LinkedHashMap<>();
        recognise(placed, doubts);
        placed.sort(Comparator.comparingInt(Placed::page).thenComparingInt(Placed::top));
        List<Row> rows = new ArrayList<>();
        int line = 0;
        for (Placed x : placed) {
            if (x.cells() != null) {
                rows.add(new Row(x.cells().stream().map(c -> Cell.at(c.location, c.text)).toList(), false));
            } else if (!x.text().isBlank()) {
                rows.add(Row.line(List.of(Cell.at("page " + (x.page() + 1) + ", scanned line " + ++line, x.text()))));
            }
        }
        return Optional.of(new Result(new ReportDocument(rows, "ocr-cells"), doubts));
    }

    /**
     * Every cell read as text first; then the cells after a row's last label — its numbers — again with digits
     * only, which is the reading kept (the text one when it found nothing). A number is doubtful when the two
     * readings disagree, or when they agree on several digits Tesseract is unsure of.
     */
    private static void recognise(List<Placed> placed, Map<String, String> doubts) throws IOException {
        List<PageCell> inked = new ArrayList<>();
        placed.stream().filter(x -> x.cells() != null).forEach(x -> x.cells().stream()
                .filter(c -> c.image != null).forEach(inked::add));
        List<Tesseract.Reading> texts = Tesseract.read(inked.stream().map(c -> c.image).toList(), Tesseract.Mode.TEXT);
        for (int i = 0; i < inked.size(); i++) {
            inked.get(i).text = texts.get(i).text();
        }
        List<PageCell> numbers = new ArrayList<>();
        for (Placed x : placed) {
            if (x.cells() == null) {
                continue;
            }
            // A label has two Chinese characters at least: one alone may be a digit misread ("1" as "工").
            int lastLabel = -1;
            for (int c = 0; c < x.cells().size(); c++) {
                if (x.cells().get(c).text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count() >= 2) {
                    lastLabel = c;
                }
            }
            x.cells().subList(lastLabel + 1, x.cells().size()).stream().filter(c -> c.image != null).forEach(numbers::add);
        }
        List<Tesseract.Reading> asNumber = Tesseract.read(numbers.stream().map(c -> c.image).toList(), Tesseract.Mode.NUMBER);
        for (int i = 0; i < numbers.size(); i++) {
            PageCell cell = numbers.get(i);
            String digits = asNumber.get(i).text().replaceAll("\\s", "");
            double confidence = asNumber.get(i).confidence();
            String asText = cell.text.replaceAll("\\s", "");
            // Tesseract's confidence in a lone digit means little; two readings agreeing mean more.
            if (!asText.equals(digits)) {
                doubts.put(cell.location, "read \"" + digits + "\" with digits alone but \"" + asText + "\" as text");
            } else if (confidence < SURE && digits.length() > 1) {
                doubts.put(cell.location, "read \"" + digits + "\" with confidence " + Math.round(confidence));
            }
            cell.text = digits.isEmpty() ? asText : digits;
        }
    }

    /** The cell's content inside its borders, on a white margin, or null when it holds no ink. */
    private static BufferedImage cellImage(BufferedImage page, ScanGrid.Box box) {
        int width = box.width() - 2 * INSET;
        int height = box.height() - 2 * INSET;
        if (width <= 0 || height <= 0) {
            return null;
        }
        BufferedImage inside = page.getSubimage(box.left() + INSET, box.top() + INSET, width, height);
        int ink = 0;
        int[] pixel = new int[1];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                ink += inside.getRaster().getPixel(x, y, pixel)[0] < ScanGrid.INK ? 1 : 0;
            }
        }
        if (ink < MIN_INK) {
            return null;
        }
        BufferedImage framed = new BufferedImage(width + 2 * MARGIN, height + 2 * MARGIN, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = framed.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        g.drawImage(inside, MARGIN, MARGIN, null);
        g.dispose();
        return framed;
    }

    /** The page with its table cells painted white, so that only the text outside them is read as lines. */
    private static BufferedImage withoutTables(BufferedImage page, ScanGrid grid) {
        BufferedImage copy = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = copy.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.setColor(Color.WHITE);
        grid.rows.forEach(row -> row.forEach(b -> g.fillRect(b.left() - INSET, b.top() - INSET,
                b.width() + 2 * INSET, b.height() + 2 * INSET)));
        g.dispose();
        return copy;
    }

    private static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    /** One table cell of a page: where it is, its image (null when blank) and what was read in it. */
    private static final class PageCell {
        private final String location;
        private final BufferedImage image;
        private String text = "";

        PageCell(String location, BufferedImage image) {
            this.location = location;
            this.image = image;
        }
    }

    /** A table row or a line of text, where it stands on its page. */
    private record Placed(int page, int top, List<PageCell> cells, String text) {
    }
}
