package xxgk.crawler.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.store.Capture;
import xxgk.archive.text.Extraction;

@Command(name = "text", description = "Print the extracted text of URL's latest capture (or the one --at TIME chooses).")
final class TextCommand implements Callable<Integer> {

    @Mixin
    CaptureChoice choice;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (UTF-8) instead of standard output.")
    Path output;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws IOException {
        try (Archive store = xxgk.global.openToRead()) {
            Capture capture = choice.find(store);
            Extraction text = store.texts().get(capture.sha256()).orElseThrow(() -> new ArchiveException(
                    capture.url() + " has no extracted text (status " + capture.status() + "; only 2xx responses are extracted)"));
            if (text.status() != Extraction.Status.OK) {
                xxgk.global.notes().println("note: extraction " + text.status() + text.problem().map(p -> ": " + p).orElse("")
                        + " (" + text.mediaType() + ")");
            }
            if (output != null) {
                OutputFile.write(output, f -> Files.writeString(f, text.text() + "\n", StandardCharsets.UTF_8));
            } else {
                System.out.write((text.text() + "\n").getBytes(StandardCharsets.UTF_8));
                System.out.flush();
            }
        }
        return 0;
    }
}
