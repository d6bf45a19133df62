package xxgk.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space on the disk that holds a directory, checked before each write that would use it: a write that fills
 * the disk leaves H2 (the embedded archive) and the spool in states that are hard to leave cleanly, while a refusal
 * beforehand stops the crawl cleanly and resumably.
 */
public final class DiskSpace {

    /** Kept free beyond each write, for the database's own bookkeeping and other programs. */
    public static final long MARGIN = 64L << 20;

    private DiskSpace() {
    }

    /** The disk is (nearly) full: nothing more is written. */
    public static final class FullException extends IOException {
        FullException(String message) {
            super(message);
        }
    }

    /** Throws {@link FullException} unless dir's disk has room for bytes more and the margin. */
    public static void ensure(Path dir, long bytes) throws FullException {
        long usable;
        try {
            usable = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return; // a disk that cannot be asked is judged by the write itself
        }
        if (usable < bytes + MARGIN) {
            throw new FullException("disk full: " + dir.toAbsolutePath().normalize() + " has " + (usable >> 20)
                    + " MB free, too little to write " + Math.max(1, bytes >> 20) + " MB more and keep " + (MARGIN >> 20) + " MB spare");
        }
    }

    /** True for a refusal by {@link #ensure} and for a write the operating system refused for want of space. */
    public static boolean isFull(Throwable e) {
        return e instanceof FullException || e.getMessage() != null && e.getMessage().contains("No space left on device");
    }
}
