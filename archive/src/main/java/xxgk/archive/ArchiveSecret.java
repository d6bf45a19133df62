package xxgk.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a process must know to use the embedded archive server: its loopback port and a password generated afresh
 * each time an owner starts it, both in files only this user can read, and the process id of the owner serving it
 * (0 when an older xxgk published it), so that its joiners can tell when it is stopped. The server listens on
 * loopback, where any local user could connect; only those who can read the data directory's secret get in.
 */
record ArchiveSecret(int port, String password, long pid) {

    static final String USER = "xxgk";
    private static final String FILE = "server.secret";

    /** A fresh password for a server about to start. */
    static String newPassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Publishes the secret in dir, readable by this user only. */
    void publish(Path dir) throws IOException {
        Path tmp = ownerOnly(dir.resolve(FILE + ".tmp"));
        Files.writeString(tmp, port + "\n" + password + "\n" + pid + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The secret the running owner published. */
    static ArchiveSecret read(Path dir) throws IOException {
        String[] lines = Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII).split("\n");
        if (lines.length < 2 || !lines[0].strip().matches("\\d{1,5}") || lines.length > 2 && !lines[2].strip().matches("\\d{1,19}")) {
            throw new IOException(dir.resolve(FILE) + " is damaged");
        }
        return new ArchiveSecret(Integer.parseInt(lines[0].strip()), lines[1].strip(), lines.length > 2 ? Long.parseLong(lines[2].strip()) : 0);
    }

    /** A connection string that authenticates with the secret (PLAIN over loopback: nothing crosses a network). */
    String connectionString() {
        return "mongodb://" + USER + ":" + password + "@127.0.0.1:" + port + "/?authMechanism=PLAIN&authSource=%24external";
    }

    /** A new empty file only the owner may read or write (where the file system knows POSIX permissions). */
    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }
}
