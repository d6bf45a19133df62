package xxgk.archive.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.tika.mime.MediaType;
import xxgk.archive.report.check.HardRule;
import xxgk.archive.report.check.ProseRules;
import xxgk.archive.report.check.UncertainCells;
import xxgk.archive.report.document.DocxTableReader;
import xxgk.archive.report.document.FlattenedTextReader;
import xxgk.archive.report.document.HtmlTableReader;
import xxgk.archive.report.document.OcrAvailability;
import xxgk.archive.report.document.PdfPositionalReader;
import xxgk.archive.report.document.ReportDocument;
import xxgk.archive.report.document.ScannedTableReader;
import xxgk.archive.report.document.TikaDocuments;
import xxgk.archive.report.table.ReportTableReader;
import xxgk.archive.text.Decompression;
import xxgk.archive.text.HtmlCharset;

/**
 * Parses one annual report file — PDF, DOCX, DOC, HTML, plain text, or a ZIP holding one of them — into a
 * {@link ParsedReport}: format, agency, year, tables as printed, and the hard checks. It reads the document's own
 * structure first (HTML and DOCX tables, PDF glyph positions) and falls back to Tika's text when that recovers
 * more. Create one and reuse it: it holds a Tika parser that is costly to create. Thread-safe.
 */
public final class ReportParser {

    /** Changes whenever the same document may parse differently, so that stored results can be redone. */
    public static final String VERSION = "3";

    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType DOCX =
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final MediaType PDF = MediaType.application("pdf");
    /** Fewer table rows than this from the structure reader, and the text fallback is tried too. */
    private static final int FEW_ROWS = 20;
    private static final java.util.regex.Pattern OCR_SPACING =
            java.util.regex.Pattern.compile("(?<=[\\p{IsHan}\\d])[ \\t]+(?=\\p{IsHan})|(?<=\\p{IsHan})[ \\t]+(?=\\d)");

    private final TikaDocuments tika = new TikaDocuments();

    public ParsedReport parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** {@code fileName} helps type detection and names the document in notes; the content decides. */
    public ParsedReport parse(byte[] content, String fileName) throws IOException {
        MediaType type = tika.detect(content, fileName).getBaseType();
        if (type.equals(ZIP)) {
            return parseZip(content, fileName);
        }
        if (type.getType().equals("image")) {
            return parseImage(content, fileName, "an image", false);
        }
        if (type.equals(PDF)) {
            Optional<ReportDocument> pdf = PdfPositionalReader.read(content);
            if (pdf.isEmpty()) {
                return parseImage(content, fileName, "a PDF without a text layer", true);
            }
            return best(pdf.get(), content, fileName);
        }
        if (type.equals(DOCX)) {
            return best(DocxTableReader.read(content), content, fileName);
        }
        if (type.equals(MediaType.TEXT_HTML) || type.equals(MediaType.application("xhtml+xml"))) {
            // Article pages print the tables as tables, or flatten them into paragraphs: the text then tells.
            return best(HtmlTableReader.read(content), content, fileName);
        }
        if (type.equals(MediaType.TEXT_PLAIN)) {
            return interpret(FlattenedTextReader.read(HtmlCharset.decode(content, null), "text"), OcrStatus.NONE, List.of());
        }
        // DOC, WPS, RTF, spreadsheets: Tika's XHTML keeps their tables as tables.
        return interpret(HtmlTableReader.read(tika.xhtml(content, fileName), "tika-xhtml"), OcrStatus.NONE, List.of());
    }

    /** The structure reader's result, unless Tika's text of the same document yields more of table 三. */
    private ParsedReport best(ReportDocument structure, byte[] content, String fileName) throws IOException {
        ParsedReport fromStructure = interpret(structure, OcrStatus.NONE, List.of());
        if (fromStructure.tables().table3().rows().size() >= FEW_ROWS) {
            return fromStructure;
        }
        String text = tika.text(content, fileName);
        ParsedReport fromText = interpret(FlattenedTextReader.read(text, "tika-text"), OcrStatus.NONE, List.of());
        return fromText.tables().cellCount() > fromStructure.tables().cellCount() ? fromText : fromStructure;
    }

    /**
     * A scan: its ruled tables read cell by cell, checked by the format's arithmetic; a scan without ruled tables
     * read page by page as text.
     */
    private ParsedReport parseImage(byte[] content, String fileName, String what, boolean pdf) throws IOException {
        if (!OcrAvailability.chineseOcrInstalled()) {
            return interpret(new ReportDocument(List.of(), "none"), OcrStatus.NEEDS_OCR,
                    List.of(fileName + " is " + what + ": needs OCR, and tesseract with chi_sim is not installed"));
        }
        BufferedImage image = pdf ? null : ImageIO.read(new ByteArrayInputStream(content));
        Optional<ScannedTableReader.Result> cells = pdf ? ScannedTableReader.read(content)
                : image == null ? Optional.empty() : ScannedTableReader.read(image);
        if (cells.isPresent()) {
            ParsedReport read = interpret(cells.get().document(), OcrStatus.OCR, List.of(fileName + " is " + what
                    + ": table cells recognised one by one by tesseract (chi_sim, digits alone for numbers)"));
            List<UncertainCell> uncertain = UncertainCells.find(read.tables(), cells.get().doubts());
            List<String> notes = new ArrayList<>(read.notes());
            notes.add(1, uncertain.isEmpty() ? "every cell read agrees with the format's arithmetic"
                    : uncertain.size() + " cells uncertain (see uncertain): check them against the scan");
            return new ParsedReport(read.format(), read.agency(), read.year(), read.title(), read.tables(),
                    read.checks(), read.warnings(), notes, read.ocr(), read.parserVersion(), uncertain, read.commonFigures());
        }
        // Tesseract spaces out a Chinese line around its digits ("呼兰区 2023 年"); digits among digits keep theirs.
        String text = OCR_SPACING.matcher(tika.ocrText(content, fileName)).replaceAll("");
        return interpret(FlattenedTextReader.read(text, "ocr-text"), OcrStatus.OCR,
                List.of(fileName + " is " + what + ": text recognised by tesseract (chi_sim); check digits"));
    }

    /**
     * Parses every member that is not itself an archive and keeps the one with the most table cells. Members are read
     * within the {@link Decompression} limits: a bomb ends the reading, and what was parsed before it counts.
     */
    private ParsedReport parseZip(byte[] content, String fileName) throws IOException {
        ParsedReport best = null;
        String bestName = null;
        int members = 0;
        Decompression limits = new Decompression(content.length);
        Optional<String> stopped = Optional.empty();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), memberNames(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] member = limits.readMember(zip);
                if (entry.isDirectory() || tika.detect(member, entry.getName()).getBaseType().equals(ZIP)) {
                    continue;
                }
                members++;
                ParsedReport report = parse(member, entry.getName());
                if (best == null || report.tables().cellCount() > best.tables().cellCount()) {
                    best = report;
                    bestName = entry.getName();
                }
            }
        } catch (ZipException broken) {
            best = null;
        } catch (Decompression.LimitException limit) {
            stopped = Optional.of(fileName + ": " + limit.verdict() + ": " + limit.getMessage() + "; members after it not read");
        }
        if (best == null) {
            List<String> notes = new ArrayList<>(List.of(fileName + " holds no document"));
            stopped.ifPresent(notes::add);
            return interpret(new ReportDocument(List.of(), "none"), OcrStatus.NONE, notes);
        }
        List<String> notes = new ArrayList<>(best.notes());
        notes.add(0, fileName + ": member " + bestName + " read, the one with most table cells of " + members);
        stopped.ifPresent(s -> notes.add(1, s));
        return new ParsedReport(best.format(), best.agency(), best.year(), best.title(), best.tables(), best.checks(),
                best.warnings(), notes, best.ocr(), best.parserVersion(), best.uncertain(), best.commonFigures());
    }

    /** The charset of the archive's member names: UTF-8, else the Chinese legacy one (names are read, not members). */
    private static Charset memberNames(byte[] content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            while (zip.getNextEntry() != null) {
                // reading every name is the test
            }
            return StandardCharsets.UTF_8;
        } catch (ZipException | IllegalArgumentException notUtf8) {
            return Charset.forName("GB18030");
        }
    }

    private static ParsedReport interpret(ReportDocument document, OcrStatus ocr, List<String> readingNotes) {
        ReportTitle title = ReportTitle.find(document.rows());
        int year = ReportYear.of(title.title(), title.published());
        ReportTableReader.Result read = ReportTableReader.read(document, year);
        ReportFormat format = read.format().format();
        List<String> notes = new ArrayList<>(readingNotes);
        notes.add("read by " + document.reader() + "; format " + format.id() + " by " + read.format().basis());
        notes.addAll(read.notes());
        List<Warning> warnings = new ArrayList<>(ProseRules.check(document.rows(), read.tables()));
        if (year > 0 && format != ReportFormat.prescribedFor(year)) {
            warnings.add(new Warning("format_year", "report year " + year + " prescribes "
                    + ReportFormat.prescribedFor(year).id() + " but the document follows " + format.id()));
        }
        return new ParsedReport(format, title.agency(), year, title.title(), read.tables(),
                HardRule.checkAll(format, read.tables()), warnings, notes, ocr, VERSION, List.of(),
                CommonFigures.of(read.tables(), document.rows()));
    }
}
