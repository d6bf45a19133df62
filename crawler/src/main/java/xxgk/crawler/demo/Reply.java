package xxgk.crawler.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
  * What the sample portal answers to one request: a status, headers and a body.
  *
  * <p>Header values are sent byte for byte as their chars (ISO-8859-1), which is how a raw GBK
  * {@code Content-Disposition} filename gets onto the wire.
  */
record Reply(int status, Map<String, String> headers, byte[] body) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply ok(String contentType, byte[] body) {
        return new Reply(200, Map.of("Content-Type", contentType), body);
    }

    static Reply notFound() {
        return page(404, "404 Not Found");
    }

    static Reply redirect(String location) {
        return new Reply(302, Map.of("Location", location), new byte[0]);
    }

    /** A short error page, as servers send with 4xx and 5xx statuses. */
    static Reply page(int status, String title) {
        String html = "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>";
        return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }

    Reply withBody(byte[] newBody) {
        return new Reply(status, headers, newBody);
    }

    String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }
}
