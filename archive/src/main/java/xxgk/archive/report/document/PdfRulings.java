package xxgk.archive.report.document;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruling lines of one PDF page — the borders of table cells — in top-down page coordinates, as drawn by
 * stroked lines, stroked rectangles or thin filled rectangles. They tell which glyphs share a table cell when
 * the cell's text wraps over several lines.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

    /** A border thinner than this is a line, not a shaded area. */
    private static final double THIN = 2.5;

    /** A horizontal rule at {@code y} from {@code x0} to {@code x1}, or a vertical one at {@code x}. */
    record Rule(double position, double from, double to) {
        boolean covers(double value) {
            return value >= from - 1 && value <= to + 1;
        }
    }

    final List<Rule> horizontal = new ArrayList<>();
    final List<Rule> vertical = new ArrayList<>();
    private final double pageHeight;
    private final List<double[]> path = new ArrayList<>();
    private Point2D current = new Point2D.Double();

    private PdfRulings(PDPage page) {
        super(page);
        pageHeight = page.getMediaBox().getUpperRightY();
    }

    static PdfRulings of(PDPage page) throws IOException {
        PdfRulings rulings = new PdfRulings(page);
        rulings.processPage(page);
        return rulings;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.add(new double[] {p0.getX(), p0.getY(), p1.getX(), p1.getY()});
        path.add(new double[] {p1.getX(), p1.getY(), p2.getX(), p2.getY()});
        path.add(new double[] {p2.getX(), p2.getY(), p3.getX(), p3.getY()});
        path.add(new double[] {p3.getX(), p3.getY(), p0.getX(), p0.getY()});
        current = p0;
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.add(new double[] {current.getX(), current.getY(), x, y});
        current = new Point2D.Float(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void strokePath() {
        path.forEach(this::addEdge);
        path.clear();
    }

    @Override
    public void fillPath(int windingRule) {
        addThinRectangle();
        path.clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void endPath() {
        path.clear();
    }

    @Override
    public void closePath() {
        // Rectangles and lines close themselves for our purpose: only straight edges matter.
    }

    @Override
    public void clip(int windingRule) {
        // Clipping does not draw.
    }

    @Override
    public void drawImage(PDImage pdImage) {
        // Images carry no rulings.
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // Shadings carry no rulings.
    }

    /** A filled rectangle that is thin in one direction is a border drawn as a filled bar. */
    private void addThinRectangle() {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] e : path) {
            minX = Math.min(minX, Math.min(e[0], e[2]));
            maxX = Math.max(maxX, Math.max(e[0], e[2]));
            minY = Math.min(minY, Math.min(e[1], e[3]));
            maxY = Math.max(maxY, Math.max(e[1], e[3]));
        }
        if (path.isEmpty()) {
            return;
        }
        if (maxY - minY < THIN && maxX - minX >= THIN) {
            horizontal.add(new Rule(pageHeight - (minY + maxY) / 2, minX, maxX));
        } else if (maxX - minX < THIN && maxY - minY >= THIN) {
            vertical.add(new Rule((minX + maxX) / 2, pageHeight - maxY, pageHeight - minY));
        }
    }

    private void addEdge(double[] e) {
        if (Math.abs(e[1] - e[3]) < THIN && Math.abs(e[0] - e[2]) >= THIN) {
            horizontal.add(new Rule(pageHeight - (e[1] + e[3]) / 2, Math.min(e[0], e[2]), Math.max(e[0], e[2])));
        } else if (Math.abs(e[0] - e[2]) < THIN && Math.abs(e[1] - e[3]) >= THIN) {
            vertical.add(new Rule((e[0] + e[2]) / 2, pageHeight - Math.max(e[1], e[3]), pageHeight - Math.min(e[1], e[3])));
        }
    }
}
