package xxgk.crawler.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;

/**
 * The answers a crawl fetched and has not archived yet, kept in {@code DATA/ingest} until they are: the body a fetch
 * spooled, moved here, and beside it the entry, the capture to record and what archiving it needs ({@code ID.bson},
 * two BSON documents, written last and whole, so that an entry exists once it is complete). crawler4j marks a URL done
 * only after its answer is here, so a process that dies with answers fetched but not archived leaves them in this
 * journal, and the next crawl on the directory archives them before anything else ({@link Ingest#replay}); entries
 * releases up to 0.1.0 wrote ({@code ID.json}, the same as two lines of extended JSON) are replayed too. Archiving an
 * entry twice is harmless: its capture keeps its id.
 */
final class IngestJournal {

    /** An entry's file name ends so; an entry of a release up to 0.1.0 ends in {@link #JSON_ENTRY}. */
    static final String ENTRY = ".bson";
    private static final String JSON_ENTRY = ".json";
    private static final DocumentCodec META = new DocumentCodec();

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
        Document meta = new Document("name", answer.nameHint()).append("wall", answer.wall().orElse(null))
                .append("robots_txt", answer.robotsTxt()).append("body", body.isPresent());
        BasicOutputBuffer entry = new BasicOutputBuffer();
        entry.writeBytes(CaptureStore.toBson(answer.capture()));
        META.encode(new BsonBinaryWriter(entry), meta, EncoderContext.builder().build());
        try (OutputStream out = Files.newOutputStream(part)) {
            entry.pipe(out);
        }
        Files.move(part, dir.resolve(id + ENTRY), StandardCopyOption.ATOMIC_MOVE);
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
                if (name.endsWith(ENTRY) || name.endsWith(JSON_ENTRY)) {
                    entries.add(read(file));
                } else if (name.endsWith(".part") || name.endsWith(".body") && !named(name.substring(0, name.length() - ".body".length()))) {
                    Files.delete(file);
                }
            }
        }
        return entries;
    }

    private boolean named(String id) {
        return Files.exists(dir.resolve(id + ENTRY)) || Files.exists(dir.resolve(id + JSON_ENTRY));
    }

    /** The answer a complete entry file describes, its body beside it. */
    static Spooled read(Path entry) throws IOException {
        Capture capture;
        Document meta;
        if (entry.getFileName().toString().endsWith(JSON_ENTRY)) {
            List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
            capture = CaptureStore.fromJson(lines.get(0));
            meta = Document.parse(lines.get(1));
        } else {
            ByteBuffer bson = ByteBuffer.wrap(Files.readAllBytes(entry)).order(ByteOrder.LITTLE_ENDIAN);
            int captureSize = bson.getInt(0); // a BSON document begins with its length
            capture = CaptureStore.fromBson(bson.slice(0, captureSize));
            meta = META.decode(new BsonBinaryReader(bson.slice(captureSize, bson.limit() - captureSize)), DecoderContext.builder().build());
        }
        Optional<Path> body = meta.getBoolean("body")
                ? Optional.of(entry.resolveSibling(capture.id().toHexString() + ".body")) : Optional.empty();
        return new Spooled(capture, body, meta.getString("name"), Optional.ofNullable(meta.getString("wall")), meta.getBoolean("robots_txt"));
    }

    /** The entry is archived: gone, its description first (a body left alone is removed as unnamed next time). */
    void done(Spooled entry) throws IOException {
        String id = entry.capture().id().toHexString();
        Files.deleteIfExists(dir.resolve(id + ENTRY));
        Files.deleteIfExists(dir.resolve(id + JSON_ENTRY));
        Files.deleteIfExists(dir.resolve(id + ".body"));
    }
}
