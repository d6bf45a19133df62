package xxgk.archive.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * The one place that decides how an HTML (or plain text) page's bytes become characters.
 *
 * <p>Government portals declare charsets wrongly or not at all: GBK pages with no header charset, a meta tag
 * saying gb2312 on a page using GBK-only characters, UTF-8 headers on GBK bytes, and now and then a stray byte.
 * So a declaration is believed if the bytes decode cleanly in it; otherwise UTF-8 (bar a stray byte) is UTF-8;
 * and anything else is judged by a detector over the bytes, among GB18030 (the superset of GB2312 and GBK) and Big5.
 */
public final class HtmlCharset {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF = 4096;
    /** Bytes the detector weighs: plenty to tell GB18030 from Big5, and a bound on a huge page's cost. */
    private static final int DETECTOR_SAMPLE = 64 * 1024;
    private static final Set<Charset> LEGACY_CHARSETS = Set.of(GB18030, Charset.forName("Big5"));

    private HtmlCharset() {
    }

    /** The charset to decode body with, given the Content-Type header (may be null). */
    public static Charset detect(byte[] body, String contentType) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        Optional<Charset> declared = declaredInMeta(body).or(() -> declaredInHeader(contentType));
        if (declared.isPresent() && decodesCleanly(body, declared.get())) {
            return declared.get();
        }
        if (mostlyUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        return detected(body, declared);
    }

    /**
     * Valid UTF-8, or UTF-8 with a few bad bytes: more than ten well-formed multi-byte characters for each malformed
     * sequence (ICU's own measure). GB18030 bytes read as UTF-8 are malformed almost everywhere.
     */
    private static boolean mostlyUtf8(byte[] body) {
        long[] wellFormed = {0};
        long malformed = decode(body, StandardCharsets.UTF_8, chars -> {
            for (int i = 0; i < chars.length(); i++) {
                if (chars.charAt(i) > 0x7F) {
                    wellFormed[0]++;
                }
            }
        });
        return malformed == 0 || wellFormed[0] > 10 * malformed;
    }

    /**
     * Bytes that are not UTF-8, judged by ICU's detector (the copy inside Tika), which weighs how much of the text
     * each charset explains rather than failing at the first bad byte. Only the charsets Chinese portals use are
     * taken; when none fits, GB18030.
     */
    private static Charset detected(byte[] body, Optional<Charset> declared) {
        CharsetDetector detector = new CharsetDetector(DETECTOR_SAMPLE);
        declared.ifPresent(cs -> detector.setDeclaredEncoding(cs.name()));
        detector.setText(body);
        for (CharsetMatch match : detector.detectAll()) {
            Optional<Charset> charset = named(match.getName());
            if (charset.filter(LEGACY_CHARSETS::contains).isPresent()) {
                return charset.get();
            }
        }
        return GB18030;
    }

    public static String decode(byte[] body, String contentType) {
        return new String(body, detect(body, contentType));
    }

    private static Optional<Charset> declaredInMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        return m.find() ? named(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> declaredInHeader(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(contentType);
        return m.find() ? named(m.group(1)) : Optional.empty();
    }

    /** Maps a declared name to the charset to use; the GB family always decodes as GB18030. */
    static Optional<Charset> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("gb18030") || n.equals("x-gbk") || n.equals("cp936")) {
            return Optional.of(GB18030);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean decodesCleanly(byte[] body, Charset charset) {
        return decode(body, charset, chars -> { }) == 0;
    }

    /**
     * Decodes body a window at a time, handing each window of characters to sink, and returns how many malformed or
     * unmappable sequences it skipped: a page of tens of megabytes is judged without a copy of it in characters.
     */
    private static long decode(byte[] body, Charset charset, Consumer<CharBuffer> sink) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        long bad = 0;
        CoderResult result;
        do {
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                bad++;
                in.position(in.position() + result.length());
            }
            drain(out, sink);
        } while (!result.isUnderflow()); // at the end of input, underflow means every byte was read
        while (decoder.flush(out).isOverflow()) {
            drain(out, sink);
        }
        drain(out, sink);
        return bad;
    }

    private static void drain(CharBuffer out, Consumer<CharBuffer> sink) {
        out.flip();
        sink.accept(out);
        out.clear();
    }
}
