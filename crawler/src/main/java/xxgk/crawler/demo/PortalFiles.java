package xxgk.crawler.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
  * The portal's files: the classpath resources under {@code <root><host><path>} (the portal's own under
  * {@code sample-portal/}), answered with the media type their extension names.
  */
final class PortalFiles {

    /** The portal as first published. */
    static final String ORIGINAL = "sample-portal/";
    /** The pages the portal republished corrected (更正), at the same paths. */
    static final String CORRECTED = "sample-portal-corrected/";

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "shtml", "text/html; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "pdf", "application/pdf",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String root;
    private final Set<String> metaCharsetHosts;

    /**
      * @param metaCharsetHosts hosts whose pages declare their charset (GBK) only in a {@code <meta>} tag:
      *     their HTML goes out as bare {@code text/html}, so a client must look inside the page
      */
    PortalFiles(String root, Set<String> metaCharsetHosts) {
        this.root = root;
        this.metaCharsetHosts = Set.copyOf(metaCharsetHosts);
    }

    /** The file at this path of this host, {@code index.html} for a directory path, else 404. */
    Reply serve(String host, String path) {
        String file = path.endsWith("/") ? path + "index.html" : path;
        String extension = extension(file);
        // Every file of the portal has an extension; a name without one would be a directory, which
        // a class loader happily lists. ".." must not climb out of the portal.
        if (extension.isEmpty() || !MEDIA_TYPES.containsKey(extension) || file.contains("..")) {
            return Reply.notFound();
        }
        byte[] body = read(host + file);
        if (body == null) {
            return Reply.notFound();
        }
        String type = MEDIA_TYPES.get(extension);
        if (type.startsWith("text/html") && metaCharsetHosts.contains(host)) {
            type = "text/html";
        }
        return Reply.ok(type, body);
    }

    /** The bytes of {@code <root><hostAndPath>}, or null if there is no such file. */
    byte[] read(String hostAndPath) {
        try (InputStream in = PortalFiles.class.getClassLoader().getResourceAsStream(root + hostAndPath)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + root + hostAndPath, e);
        }
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
