package xxgk.crawler.engine;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name a download servlet gives in Content-Disposition. Portals send it as RFC 5987 {@code filename*},
 * percent-encoded, or as raw UTF-8 or GBK bytes that arrive as Latin-1 characters (the fetcher keeps header bytes
 * that are not UTF-8 that way); each is tried in that order.
 */
final class ContentDisposition {

    private static final Pattern EXTENDED = Pattern.compile("filename\\*\\s*=\\s*([\\w-]+)'[^']*'([^;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;]+)", Pattern.CASE_INSENSITIVE);

    private ContentDisposition() {
    }

    static Optional<String> filename(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher ext = EXTENDED.matcher(header);
        if (ext.find()) {
            try {
                return Optional.of(URLDecoder.decode(ext.group(2).trim(), Charset.forName(ext.group(1))));
            } catch (IllegalArgumentException e) {
                // fall through to the plain parameter
            }
        }
        Matcher plain = PLAIN.matcher(header);
        if (!plain.find()) {
            return Optional.empty();
        }
        String raw = (plain.group(2) != null ? plain.group(2) : plain.group(1)).trim();
        if (raw.matches(".*%[0-9A-Fa-f]{2}.*")) {
            return Optional.of(percentDecoded(raw));
        }
        return Optional.of(fromLatin1(raw));
    }

    private static String percentDecoded(String raw) {
        String utf8 = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        return utf8.contains("\uFFFD") ? URLDecoder.decode(raw.replace("+", "%2B"), Charset.forName("GB18030")) : utf8;
    }

    /** Header bytes read as Latin-1 are the server's raw bytes: UTF-8 if they decode as such, else GBK. */
    private static String fromLatin1(String raw) {
        if (raw.chars().allMatch(c -> c < 0x80) || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return utf8.contains("\uFFFD") ? new String(bytes, Charset.forName("GB18030")) : utf8;
    }
}
