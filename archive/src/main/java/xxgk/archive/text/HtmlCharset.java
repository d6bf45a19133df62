package xxgk.archive.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides how an HTML (or plain text) page's bytes become characters.
 *
 * <p>Government portals declare charsets wrongly or not at all: GBK pages with no header charset, a meta tag
 * saying gb2312 on a page using GBK-only characters, UTF-8 headers on GBK bytes. So a declaration is believed
 * only if the bytes decode cleanly in it; otherwise valid UTF-8 is UTF-8 and anything else is GB18030, the
 * superset of GB2312 and GBK.
 */
public final class HtmlCharset {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF = 4096;

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
        return decodesCleanly(body, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : GB18030;
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
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
