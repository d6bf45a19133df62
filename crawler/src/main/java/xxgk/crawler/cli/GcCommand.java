package xxgk.crawler.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.store.BlobStore;
import xxgk.config.Quantities;
import xxgk.crawler.engine.Sizes;

@Command(name = "gc", description = "Remove the bytes of uploads a killed crawl left unpublished: nothing any capture refers to. "
        + "Uploads younger than --older-than are left alone, as one may be under way.")
final class GcCommand implements Callable<Integer> {

    @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "1h",
            description = "Only uploads begun this long ago or more (default: ${DEFAULT-VALUE}).")
    String olderThan;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        Duration age = Quantities.durationOrNull(olderThan);
        if (age == null) {
            throw new IllegalArgumentException("--older-than " + olderThan + ": not a duration (e.g. 30m, 1h, 2d)");
        }
        try (Archive store = xxgk.global.openToRead()) {
            BlobStore.Swept swept = store.blobs().sweep(Instant.now().minus(age));
            xxgk.global.info().println("removed " + swept.uploads() + " unpublished uploads, " + Sizes.human(swept.bytes()));
        }
        return 0;
    }
}
