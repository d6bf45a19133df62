package xxgk.crawler.fetch;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Header values whose bytes are not UTF-8, given back byte for byte. OkHttp decodes header lines as UTF-8 and
 * replaces what is not with U+FFFD; portals' download servlets send Content-Disposition file names as raw GBK.
 * Such a value is replaced by the bytes the server sent, one ISO-8859-1 char per byte, taken from the
 * {@link HeaderBytesSocket} (plain HTTP; over TLS the bytes are out of reach and OkHttp's value stays).
 */
final class RawHeaderValues implements Interceptor {

    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        Socket socket = chain.connection() == null ? null : chain.connection().socket();
        if (!(socket instanceof HeaderBytesSocket raw) || response.headers().toString().indexOf(REPLACEMENT) < 0) {
            return response;
        }
        return response.newBuilder().headers(restore(response.headers(), raw.lastHeaderBlock())).build();
    }

    /** headers with each Content-Disposition that lost bytes replaced by the same header's value in the raw block. */
    static Headers restore(Headers decoded, byte[] block) {
        List<String[]> raw = parse(block);
        Headers.Builder restored = new Headers.Builder();
        List<String> namesSoFar = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            String name = decoded.name(i);
            String value = decoded.value(i);
            int nth = (int) namesSoFar.stream().filter(name::equalsIgnoreCase).count();
            namesSoFar.add(name);
            // Only a file name is decoded from raw bytes (ContentDisposition); a Location must stay as OkHttp read it.
            if (value.indexOf(REPLACEMENT) >= 0 && name.equalsIgnoreCase("Content-Disposition")) {
                value = raw.stream().filter(h -> h[0].equalsIgnoreCase(name)).skip(nth).findFirst().map(h -> h[1]).orElse(value);
            }
            restored.addUnsafeNonAscii(name, value);
        }
        return restored.build();
    }

    /** The header lines of a raw block as name and value, the value one ISO-8859-1 char per byte. */
    private static List<String[]> parse(byte[] block) {
        List<String[]> headers = new ArrayList<>();
        String[] lines = new String(block, StandardCharsets.ISO_8859_1).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim()});
            }
        }
        return headers;
    }
}
