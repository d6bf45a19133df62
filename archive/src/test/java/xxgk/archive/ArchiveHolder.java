package xxgk.archive;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import xxgk.archive.store.Sha256;

/** A second xxgk process for {@link ArchiveSharingTest}: opens the archive, stores a blob, waits for a line on stdin, closes. */
public final class ArchiveHolder {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] bytes = args[1].getBytes(StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(new ArchiveLocation(dir, java.util.Optional.empty()))) {
            Path tmp = Files.createTempFile("holder", ".bin");
            Files.write(tmp, bytes);
            archive.blobs().put(tmp, Sha256.of(bytes), bytes.length);
            Files.delete(tmp);
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("closed");
    }
}
