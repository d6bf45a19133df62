package xxgk.archive.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

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
        return pages(pdf, pageText -> true);
    }

    /** Only the pages whose printed text (spaces removed) contains words, scanned. */
    static byte[] pagesPrinting(String resource, String words) throws IOException {
        try (InputStream in = ScannedRendering.class.getResourceAsStream(resource)) {
            return pages(in.readAllBytes(), pageText -> pageText.replaceAll("\\s", "").contains(words));
        }
    }

    private static byte[] pages(byte[] pdf, Predicate<String> keep) throws IOException {
        try (PDDocument text = Loader.loadPDF(pdf); PDDocument scan = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(text);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < text.getNumberOfPages(); i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                if (!keep.test(stripper.getText(text))) {
                    continue;
                }
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
