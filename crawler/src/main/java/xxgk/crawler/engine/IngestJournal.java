package xxgk.crawler.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;

import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;

/**
 * The answers a crawl fetched and has not archived yet, kept in {@code DATA/ingest} until they are: the body a fetch
 * spooled, moved here, and beside it the capture to record ({@code ID.json}, written last and whole, so that an
 * entry exists once it is complete). crawler4j marks a URL done only after its answer is here, so a process that dies
 * with answers fetched but not archived leaves them in this journal, and the next crawl on the directory archives
 * them before anything else ({@link Ingest#replay}). Archiving an entry twice is harmless: its capture keeps its id.
 */
final class IngestJournal {

    private final Path dir;

    private IngestJournal(Path dir) {
        this.dir = dir;
    }

    static IngestJournal in(Path dataDir) throws IOException {
        return new IngestJournal(Files.createDirectories(dataDir.resolve("ingest")));
    }

    /** Keeps the answer until it is archived: its body moved here from the fetch's spool (the same disk). */
    Spooled add(Spooled answer) throws IOException {
        String id = answer.capture().id().toHexString();
        Optional<Path> body = Optional.empty();
        if (answer.body().isPresent()) {
            body = Optional.of(Files.move(answer.body().get(), dir.resolve(id + ".body"), StandardCopyOption.ATOMIC_MOVE));
        }
        Path part = dir.resolve(id + ".part");
        Files.writeString(part, CaptureStore.toJson(answer.capture()) + "\n" + new Document("name", answer.nameHint())
                .append("wall", answer.wall().orElse(null)).append("robots_txt", answer.robotsTxt())
                .append("body", body.isPresent()).toJson() + "\n", StandardCharsets.UTF_8);
        Files.move(part, dir.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        return new Spooled(answer.capture(), body, answer.nameHint(), answer.wall(), answer.robotsTxt());
    }

    /**
     * The entries a dead process left, oldest first (capture ids grow with time). What no entry names — a body or
     * an entry half written when it died, whose URL crawler4j had not marked done — is removed.
     */
    List<Spooled> pending() throws IOException {
        List<Spooled> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    entries.add(read(file));
                } else if (name.endsWith(".part") || name.endsWith(".body")
                        && !Files.exists(dir.resolve(name.replaceAll("\\.body$", ".json")))) {
                    Files.delete(file);
                }
            }
        }
        return entries;
    }

    private Spooled read(Path entry) throws IOException {
        List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
        Capture capture = CaptureStore.fromJson(lines.get(0));
        Document meta = Document.parse(lines.get(1));
        Optional<Path> body = meta.getBoolean("body") ? Optional.of(dir.resolve(capture.id().toHexString() + ".body")) : Optional.empty();
        return new Spooled(capture, body, meta.getString("name"), Optional.ofNullable(meta.getString("wall")), meta.getBoolean("robots_txt"));
    }

    /** The entry is archived: gone, its description first (a body left alone is removed as unnamed next time). */
    void done(Spooled entry) throws IOException {
        String id = entry.capture().id().toHexString();
        Files.deleteIfExists(dir.resolve(id + ".json"));
        Files.deleteIfExists(dir.resolve(id + ".body"));
    }
}
