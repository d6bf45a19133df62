package xxgk.crawler.demo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
  * A Hanweb (大汉) attachment servlet, {@code /module/download/downfile.jsp?classid=0&filename=<stored name>}.
  *
  * <p>The URL carries only a stored number; the document's real name comes in
  * {@code Content-Disposition} as raw GBK bytes, as these servlets send it. The files are kept at
  * {@code <host>/module/download/downfile/<stored name>}.
  */
final class DownloadServlet {

    private static final Charset GBK = Charset.forName("GBK");

    private final PortalFiles files;
    private final Map<String, String> titles;

    /** @param titles stored name without extension → the document's title */
    DownloadServlet(PortalFiles files, Map<String, String> titles) {
        this.files = files;
        this.titles = Map.copyOf(titles);
    }

    Reply answer(String host, String query) {
        String stored = parameter(query, "filename");
        int dot = stored.lastIndexOf('.');
        String title = dot < 0 ? null : titles.get(stored.substring(0, dot));
        byte[] body = title == null ? null : files.read(host + "/module/download/downfile/" + stored);
        if (body == null) {
            return Reply.notFound();
        }
        String name = new String((title + stored.substring(dot)).getBytes(GBK), StandardCharsets.ISO_8859_1);
        return Reply.ok("application/octet-stream", body)
                .withHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private static String parameter(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }
}
