package xxgk.crawler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xxgk.archive.Archive;
import xxgk.archive.store.Capture;

@Command(name = "get", description = "Write the original bytes of URL's latest capture (or the latest at or before TIME), exactly as received.")
final class GetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL")
    String url;

    @Option(names = "--at", paramLabel = "TIME", description = "The latest capture at or before TIME (e.g. 2024-03-31 or 2024-03-31T12:00:00Z).")
    String at;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws IOException {
        try (Archive store = archive.open()) {
            Capture capture = CaptureLookup.find(store, url, at);
            if (capture.redirect()) {
                System.err.println("note: " + url + " answered " + capture.status() + " → " + capture.finalUrl()
                        + "; these are the redirect's own bytes (xxgk get " + capture.finalUrl() + " for the document)");
            }
            try (InputStream in = store.blobs().open(capture.sha256())) {
                if (output == null) {
                    OutputStream out = System.out;
                    in.transferTo(out);
                    out.flush();
                } else {
                    OutputFile.write(output, file -> Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING));
                }
            }
        }
        return 0;
    }
}
