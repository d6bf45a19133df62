package xxgk.crawler.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.archive.store.HttpHeader;

@Command(name = "get", description = "Write the original bytes of URL's latest capture (or the one --at TIME chooses), exactly as received.")
final class GetCommand implements Callable<Integer> {

    /** How much of the body is looked at to tell binary from text (curl looks at its first buffer). */
    private static final int SNIFF = 8192;

    @Mixin
    CaptureChoice choice;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output; '-' forces standard output.")
    String output;

    @Option(names = {"-O", "--remote-name"}, description = "Save in the current directory under the archived file name "
            + "(Content-Disposition, else the URL's last segment).")
    boolean remoteName;

    @Option(names = {"-i", "--include"}, description = "Begin with the stored response: status line and headers, as received.")
    boolean include;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws IOException {
        if (remoteName && output != null) {
            throw new IllegalArgumentException("-O and -o both name where to write; give one");
        }
        try (Archive store = xxgk.global.openToRead()) {
            Capture capture = choice.find(store);
            if (capture.redirect()) {
                xxgk.global.notes().println("note: " + capture.url() + " answered " + capture.status() + " → " + capture.finalUrl()
                        + "; these are the redirect's own bytes (xxgk get " + capture.finalUrl() + " for the document)");
            }
            try (InputStream body = store.blobs().open(capture.sha256())) {
                byte[] head = body.readNBytes(SNIFF);
                InputStream all = new SequenceInputStream(new SequenceInputStream(
                        new ByteArrayInputStream(include ? responseHead(capture) : new byte[0]),
                        new ByteArrayInputStream(head)), body);
                if (remoteName || (output != null && !output.equals("-"))) {
                    Path file = remoteName ? Path.of(ArchivedName.of(capture)) : Path.of(output);
                    OutputFile.write(file, f -> Files.copy(all, f, StandardCopyOption.REPLACE_EXISTING));
                    if (remoteName) {
                        xxgk.global.notes().println("saved " + file);
                    }
                    return 0;
                }
                if (output == null && Terminal.attached() && binary(head)) {
                    throw new IllegalArgumentException(capture.url() + " is binary (" + (capture.contentType().isEmpty() ? "no type"
                            : capture.contentType()) + ") and would garble the terminal: save it with -o FILE or -O, or force it with -o -");
                }
                OutputStream out = System.out;
                all.transferTo(out);
                out.flush();
            }
        }
        return 0;
    }

    /** The status line and headers as stored, HTTP style, then the blank line that ends them. */
    private static byte[] responseHead(Capture capture) {
        StringBuilder head = new StringBuilder("HTTP " + capture.status() + "\r\n");
        for (HttpHeader h : capture.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes a terminal would act on or show as garbage: control characters other than tab, line and page breaks. */
    static boolean binary(byte[] head) {
        for (byte b : head) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
