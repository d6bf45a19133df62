package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import xxgk.archive.report.document.OcrAvailability;

/**
 * A scanned report — a PDF of images only — is read by OCR when tesseract with Chinese data is installed (.ci/run
 * installs it), and is otherwise marked as needing OCR, never returned as silently empty.
 */
class ImageOnlyReportTest {

    @Test
    void aScanIsMarkedNeedsOcrWhenTesseractIsNotInstalled() throws IOException {
        assumeFalse(OcrAvailability.chineseOcrInstalled(), "tesseract with chi_sim is installed: the scan is OCRed");

        ParsedReport parsed = new ReportParser().parse(scannedPdf(), "scan.pdf");

        assertThat(parsed.ocr()).isEqualTo(OcrStatus.NEEDS_OCR);
        assertThat(parsed.notes().get(0)).contains("needs OCR");
        assertThat(parsed.tables().isEmpty()).isTrue();
    }

    @Test
    void aScannedReportIsReadByOcrWhenTesseractIsInstalled() throws IOException {
        assumeTrue(OcrAvailability.chineseOcrInstalled(), "tesseract with chi_sim is not installed");

        ParsedReport parsed = new ReportParser().parse(scanOfTableThree("/reports/generated/001_d601352be8b8720b.pdf"), "scan.pdf");

        assertThat(parsed.ocr()).isEqualTo(OcrStatus.OCR);
        assertThat(parsed.notes()).anyMatch(n -> n.contains("recognised one by one by tesseract"));
        // The recognised text reaches the parser: the title's year and the format's headers are read from it.
        // The cells are ScannedReportTest's concern.
        assertThat(parsed.year()).isEqualTo(2023);
        assertThat(parsed.format()).isEqualTo(ReportFormat.FMT2021);
    }

    /** The pages of a real report that print table 三, scanned: rendered to images and put back as a PDF of images. */
    private static byte[] scanOfTableThree(String resource) throws IOException {
        return ScannedRendering.pagesPrinting(resource, "本年新收");
    }

    private static byte[] scannedPdf() throws IOException {
        BufferedImage scan = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        for (int y = 100; y < 700; y += 40) {
            g.drawLine(50, y, 550, y);
        }
        g.dispose();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
