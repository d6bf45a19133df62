package xxgk.archive;

/** An archive problem the user can act on (unreachable MongoDB, a data directory in use, a URL not archived). */
public final class ArchiveException extends RuntimeException {

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
