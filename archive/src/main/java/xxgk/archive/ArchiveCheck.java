package xxgk.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import xxgk.archive.store.Capture;
import xxgk.archive.text.Extraction;
import xxgk.archive.text.TextExtractor;

/**
 * An archive checked end to end: every capture's original present and whole (its bytes hash to its digest), every
 * URL history entry naming a capture that exists, every successful capture's text present (a text that could not
 * be extracted is present too, flagged), every run's catalogue built. With a repairing extractor, what the stored
 * originals allow is redone: missing texts are extracted again from them, and the catalogue a run interrupted while
 * building it left unbuilt is built. What is archived is never altered.
 */
public final class ArchiveCheck {

    /** What a check found: counts, what was repaired, and the problems that remain. */
    public record Result(long captures, long originals, List<String> repaired, List<String> problems) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private ArchiveCheck() {
    }

    /** Checks the whole archive; with repairWith present, missing texts are extracted again and unbuilt catalogues built. */
    public static Result check(Archive archive, Optional<TextExtractor> repairWith) {
        List<String> problems = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        Set<String> verified = new HashSet<>();
        Set<String> textChecked = new HashSet<>();
        long[] captures = {0};
        archive.captures().forEach(Optional.empty(), capture -> {
            captures[0]++;
            String sha = capture.sha256();
            if (verified.add(sha)) {
                whole(archive, sha).ifPresent(problem -> problems.add(capture.url() + ": " + problem));
            }
            if (capture.status() / 100 == 2 && textChecked.add(sha) && !archive.texts().contains(sha)) {
                if (repairWith.isPresent() && archive.blobs().contains(sha)) {
                    repaired.add(capture.url() + ": text extracted again (" + extractAgain(archive, repairWith.get(), capture) + ")");
                } else {
                    problems.add(capture.url() + ": no text for original " + sha + (repairWith.isPresent() ? "" : " (check --repair extracts it)"));
                }
            }
        });
        archive.captures().danglingHistoryEntries().forEach(entry -> problems.add(entry + ": history names a capture the archive lacks"));
        if (repairWith.isPresent()) {
            Cataloguing.redoInterrupted(archive).forEach(rebuilt -> repaired.add("run " + rebuilt.run().id()
                    + ": catalogue built (" + rebuilt.outcome().reports().size() + " reports of " + String.join(", ", rebuilt.run().sites()) + ")"));
        } else {
            archive.runs().interruptedWhileCataloguing().forEach(run -> problems.add("run " + run.id()
                    + ": interrupted while cataloguing its reports (check --repair builds the catalogue)"));
        }
        return new Result(captures[0], verified.size(), repaired, problems);
    }

    /**
     * Extracts again the texts missing for the chosen captures: what a crawl killed between storing an original and
     * its text leaves. Returns how many.
     */
    public static int repairTexts(Archive archive, TextExtractor extractor, Predicate<Capture> which) {
        int[] repaired = {0};
        Set<String> seen = new HashSet<>();
        archive.captures().forEach(Optional.empty(), capture -> {
            if (which.test(capture) && capture.status() / 100 == 2 && seen.add(capture.sha256())
                    && !archive.texts().contains(capture.sha256()) && archive.blobs().contains(capture.sha256())) {
                extractAgain(archive, extractor, capture);
                repaired[0]++;
            }
        });
        return repaired[0];
    }

    /** Empty when the original is present and its bytes hash to its digest; else what is wrong. */
    private static Optional<String> whole(Archive archive, String sha) {
        if (!archive.blobs().contains(sha)) {
            return Optional.of("original " + sha + " is missing");
        }
        try (InputStream in = archive.blobs().open(sha)) {
            in.transferTo(OutputStream.nullOutputStream());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Extraction.Status extractAgain(Archive archive, TextExtractor extractor, Capture capture) {
        Path copy = null;
        try {
            copy = Files.createTempFile("xxgk-original-", ".bin");
            try (InputStream in = archive.blobs().open(capture.sha256())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return archive.texts().put(capture.sha256(), extractor.extract(copy, nameHint(capture))).status();
        } catch (IOException e) {
            throw new ArchiveException("cannot read original " + capture.sha256() + " back: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /** The name type detection is given, as at crawl time: the download's file name, else the URL's last segment. */
    private static String nameHint(Capture capture) {
        return capture.filename().orElseGet(() -> {
            String path = URI.create(capture.url()).getPath();
            return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        });
    }
}
