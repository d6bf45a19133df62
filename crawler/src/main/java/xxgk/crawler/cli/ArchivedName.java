package xxgk.crawler.cli;

import java.net.URI;

import xxgk.archive.store.Capture;

/** The file name `get -O` saves under: the one the server gave, else the URL's last path segment, never a path. */
final class ArchivedName {

    private static final String FALLBACK = "index.html";

    private ArchivedName() {
    }

    static String of(Capture capture) {
        String name = capture.filename().orElseGet(() -> {
            String path = URI.create(capture.url()).getPath();
            return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        });
        // A name from a server may carry directories (../../etc/cron.d/x): only its last part is a file name here.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? FALLBACK : name;
    }
}
