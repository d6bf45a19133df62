package xxgk.archive.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A PDF whose text layer lost or reordered characters, as office suites' exports sometimes do: each shown string
 * holding a damaged span has it replaced by what the damaged text layer reads, built from the string's own glyph
 * codes (so only characters the string holds can appear). The page still draws; only what it reads back changes.
 */
final class DamagedTextLayer {

    private final Map<String, String> damage = new LinkedHashMap<>();

    /** {@code printed} as it reads back: {@code damaged}, e.g. "法规禁止" read as "止". */
    DamagedTextLayer reads(String printed, String damaged) {
        damage.put(printed, damaged);
        return this;
    }

    /** The damaged PDF; fails if a span is nowhere in a single shown string (the fixture would prove nothing). */
    byte[] applyTo(byte[] pdf) throws IOException {
        Map<String, Integer> applied = new LinkedHashMap<>();
        damage.keySet().forEach(k -> applied.put(k, 0));
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (PDPage page : doc.getPages()) {
                List<Object> tokens = new PDFStreamParser(page).parse();
                PDFont font = null;
                for (int i = 0; i < tokens.size(); i++) {
                    if (tokens.get(i) instanceof Operator op) {
                        if (op.getName().equals("Tf")) {
                            font = page.getResources().getFont((COSName) tokens.get(i - 2));
                        } else if (op.getName().equals("Tj") && tokens.get(i - 1) instanceof COSString s) {
                            tokens.set(i - 1, damaged(s, font, applied));
                        } else if (op.getName().equals("TJ") && tokens.get(i - 1) instanceof COSArray array) {
                            for (int j = 0; j < array.size(); j++) {
                                if (array.get(j) instanceof COSString s) {
                                    array.set(j, damaged(s, font, applied));
                                }
                            }
                        }
                    }
                }
                PDStream stream = new PDStream(doc);
                try (OutputStream content = stream.createOutputStream()) {
                    new ContentStreamWriter(content).writeTokens(tokens);
                }
                page.setContents(stream);
            }
            applied.forEach((span, times) -> {
                if (times == 0) {
                    throw new IllegalArgumentException("\"" + span + "\" is not in any one shown string");
                }
            });
            doc.save(out);
            return out.toByteArray();
        }
    }

    private COSBase damaged(COSString shown, PDFont font, Map<String, Integer> applied) throws IOException {
        List<byte[]> codes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Integer> codeAt = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(shown.getBytes());
        while (in.available() > 0) {
            int before = in.available();
            int code = font.readCode(in);
            int length = before - in.available();
            byte[] bytes = java.util.Arrays.copyOfRange(shown.getBytes(), shown.getBytes().length - before,
                    shown.getBytes().length - before + length);
            String unicode = font.toUnicode(code);
            unicode = unicode == null ? "\ufffd" : unicode;
            for (int k = 0; k < unicode.length(); k++) {
                codeAt.add(codes.size());
            }
            codes.add(bytes);
            text.append(unicode);
        }
        for (Map.Entry<String, String> d : damage.entrySet()) {
            int at = text.indexOf(d.getKey());
            if (at < 0) {
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int k = 0; k < at; k++) {
                bytes.write(codes.get(codeAt.get(k)));
            }
            for (char c : d.getValue().toCharArray()) {
                int from = text.indexOf(String.valueOf(c));
                bytes.write(codes.get(codeAt.get(from)));
            }
            for (int k = at + d.getKey().length(); k < text.length(); k++) {
                bytes.write(codes.get(codeAt.get(k)));
            }
            applied.merge(d.getKey(), 1, Integer::sum);
            return new COSString(bytes.toByteArray());
        }
        return shown;
    }
}
