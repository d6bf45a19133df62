package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.store.Capture;
import xxgk.archive.text.Extraction;

@Command(name = "text", description = "Print the extracted text of URL's latest capture (or the latest at or before TIME).")
final class TextCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL")
    String url;

    @Option(names = "--at", paramLabel = "TIME", description = "The latest capture at or before TIME.")
    String at;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() {
        try (Archive store = archive.open()) {
            Capture capture = CaptureLookup.find(store, url, at);
            Extraction text = store.texts().get(capture.sha256()).orElseThrow(() -> new ArchiveException(
                    url + " has no extracted text (status " + capture.status() + "; only 2xx responses are extracted)"));
            if (text.status() != Extraction.Status.OK) {
                System.err.println("note: extraction " + text.status() + text.problem().map(p -> ": " + p).orElse("")
                        + " (" + text.mediaType() + ")");
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(text.text());
        }
        return 0;
    }
}
