package xxgk.crawler.portals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fixture portal answers to one request: a status, headers and a body — or, for a stream generated on the
 * fly, its length and no body, sent without {@code Content-Length}.
 *
 * <p>Header values go on the wire as their chars' low bytes (ISO-8859-1), which is how a raw GBK
 * {@code Content-Disposition} filename is sent.
 */
record Answer(int status, Map<String, String> headers, byte[] body, long streamed) {

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer ok(String contentType, byte[] body) {
        return new Answer(200, Map.of("Content-Type", contentType), body, 0);
    }

    static Answer html(String page) {
        return ok("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** A page in charset whose Content-Type names none, so that only its {@code <meta>} tells. */
    static Answer htmlWithMetaCharsetOnly(String page, Charset charset) {
        return ok("text/html", page.getBytes(charset));
    }

    static Answer xml(String document) {
        return ok("text/xml; charset=utf-8", document.getBytes(StandardCharsets.UTF_8));
    }

    static Answer text(String text) {
        return ok("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static Answer notFound() {
        return error(404, "404 Not Found");
    }

    /** A short error page, as servers send with 4xx and 5xx statuses. */
    static Answer error(int status, String title) {
        String html = "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>";
        return new Answer(status, Map.of("Content-Type", "text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** length bytes of contentType made while they are sent, with no Content-Length: the size shows only at the end. */
    static Answer stream(String contentType, long length) {
        return new Answer(200, Map.of("Content-Type", contentType), new byte[0], length);
    }

    Answer withStatus(int newStatus) {
        return new Answer(newStatus, headers, body, streamed);
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, more, body, streamed);
    }
}
