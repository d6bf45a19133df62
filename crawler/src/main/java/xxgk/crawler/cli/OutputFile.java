package xxgk.crawler.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes: written beside the target and moved into place, so a failure never leaves part of it.
 * It ends readable by all (0644), like a file a shell redirection makes, not private like the temporary file it was.
 */
final class OutputFile {

    /** What writes the content, into the file it is given. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private OutputFile() {
    }

    static void write(Path target, Content content) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + ": is a directory; give a file name (e.g. " + target.resolve("report.pdf") + ")");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(target + ": no directory " + dir);
        }
        Path tmp = Files.createTempFile(dir, ".xxgk-", ".part");
        try {
            content.writeTo(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
