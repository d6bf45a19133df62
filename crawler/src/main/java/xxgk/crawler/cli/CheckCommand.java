package xxgk.crawler.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveCheck;
import xxgk.archive.text.TextExtractor;

@Command(name = "check", description = "Verify the archive end to end: every capture's original present with the right SHA-256, "
        + "every URL history entry resolvable, every text present or flagged. Status 1 when a problem remains.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--repair", description = "Repair what the stored originals allow: extract missing texts again.")
    boolean repair;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        try (Archive store = xxgk.global.openToRead(); TextExtractor extractor = repair ? new TextExtractor() : null) {
            ArchiveCheck.Result result = ArchiveCheck.check(store, Optional.ofNullable(extractor));
            result.repaired().forEach(r -> System.out.println("repaired: " + r));
            result.problems().forEach(p -> System.out.println("problem: " + p));
            System.out.println("checked " + result.captures() + " captures of " + result.originals() + " originals: "
                    + (result.clean() ? "whole" : result.problems().size() + " problems") + (repair ? ", " + result.repaired().size() + " repaired" : ""));
            return result.clean() ? 0 : 1;
        }
    }
}
