package xxgk.archive.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A report as a scanner returns it: every page of a PDF rendered to a gray image, put back as a PDF of images. */
final class ScannedRendering {

    private ScannedRendering() {
    }

    static byte[] of(String resource) throws IOException {
        try (InputStream in = ScannedRendering.class.getResourceAsStream(resource)) {
            return of(in.readAllBytes());
        }
    }

    static byte[] of(byte[] pdf) throws IOException {
        try (PDDocument text = Loader.loadPDF(pdf); PDDocument scan = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(text);
            for (int i = 0; i < text.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 200, ImageType.GRAY);
                PDPage page = new PDPage(text.getPage(i).getMediaBox());
                scan.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(LosslessFactory.createFromImage(scan, image), 0, 0,
                            page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            scan.save(out);
            return out.toByteArray();
        }
    }
}
