package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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

/** A scanned report — a PDF of images only — is marked as needing OCR, never returned as silently empty. */
class ImageOnlyReportTest {

    @Test
    void aScanIsMarkedNeedsOcrWhenTesseractIsNotInstalled() throws IOException {
        assumeFalse(OcrAvailability.chineseOcrInstalled(), "tesseract with chi_sim is installed: the scan is OCRed");

        ParsedReport parsed = new ReportParser().parse(scannedPdf(), "scan.pdf");

        assertThat(parsed.ocr()).isEqualTo(OcrStatus.NEEDS_OCR);
        assertThat(parsed.notes().get(0)).contains("needs OCR");
        assertThat(parsed.tables().isEmpty()).isTrue();
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
