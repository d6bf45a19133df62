package xxgk.archive.report.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToXMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import xxgk.archive.text.TikaParser;

/**
 * Tika, for what it does best here: detecting a document's type, XHTML with tables for formats we have no
 * structure reader of our own for (DOC, RTF, WPS, spreadsheets), and OCR — through the process's one
 * {@link TikaParser}.
 */
public final class TikaDocuments {

    private static final String CHINESE = "chi_sim";

    private final AutoDetectParser parser = TikaParser.shared();
    private final Detector detector = parser.getDetector();

    public MediaType detect(byte[] content, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, metadata);
        }
    }

    /** The document as XHTML: Word tables come out as {@code <table>} elements. */
    public String xhtml(byte[] content, String fileName) throws IOException {
        ToXMLContentHandler handler = new ToXMLContentHandler();
        parse(content, fileName, handler, new ParseContext());
        return handler.toString();
    }

    /** The document's plain text, tables flattened as Tika writes them (cells separated by tabs or lines). */
    public String text(byte[] content, String fileName) throws IOException {
        BodyContentHandler handler = new BodyContentHandler(-1);
        parse(content, fileName, handler, new ParseContext());
        return handler.toString();
    }

    /** Text recognised by Tesseract with Chinese data; only call when {@link OcrAvailability} says it is there. */
    public String ocrText(byte[] content, String fileName) throws IOException {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage(CHINESE);
        // Tesseract's own default (automatic layout, no orientation guess): with OSD, Tika's default, table pages come out rotated.
        ocr.setPageSegMode("3");
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.OCR_ONLY);
        context.set(PDFParserConfig.class, pdf);
        BodyContentHandler handler = new BodyContentHandler(-1);
        parse(content, fileName, handler, context);
        return handler.toString();
    }

    private void parse(byte[] content, String fileName, ContentHandler handler, ParseContext context)
            throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = new ByteArrayInputStream(content)) {
            parser.parse(in, handler, metadata, context);
        } catch (SAXException | TikaException e) {
            throw new IOException("Tika could not read " + fileName + ": " + e.getMessage(), e);
        }
    }
}
