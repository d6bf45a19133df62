package xxgk.crawler.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveCheck;
import xxgk.archive.text.TextExtractor;
import xxgk.crawler.engine.CrawlLock;

@Command(name = "check", description = "Verify the archive end to end: every capture's original present with the right SHA-256, "
        + "every URL history entry resolvable, every text present or flagged, every run's catalogue built. Status 1 when a problem remains.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--repair", description = "Repair what the stored originals allow: extract missing texts again, build the catalogue of runs interrupted while building it.")
    boolean repair;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        try (Archive store = xxgk.global.openToRead(); TextExtractor extractor = repair ? new TextExtractor() : null) {
            CrawlLock.noticeInterrupted(store, xxgk.global.location().dataDir())
                    .forEach(run -> System.out.println("run " + run + ": its process died while it was running (marked interrupted)"));
            ArchiveCheck.Result result = ArchiveCheck.check(store, Optional.ofNullable(extractor));
            result.repaired().forEach(r -> System.out.println("repaired: " + r));
            result.problems().forEach(p -> System.out.println("problem: " + p));
            System.out.println("checked " + result.captures() + " captures of " + result.originals() + " originals: "
                    + (result.clean() ? "whole" : result.problems().size() + " problems") + (repair ? ", " + result.repaired().size() + " repaired" : ""));
            return result.clean() ? 0 : 1;
        }
    }
}
