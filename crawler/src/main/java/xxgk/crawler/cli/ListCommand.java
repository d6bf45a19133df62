package xxgk.crawler.cli;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.retrieval.RequestedTime;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;
import xxgk.crawler.engine.Sizes;

@Command(name = "list", description = "List archived documents: the latest capture of each URL.")
final class ListCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's documents.")
    String site;

    @Option(names = "--since", paramLabel = "TIME", description = "Only URLs whose latest capture is from TIME on (a date, a date and time, or a Wayback timestamp; its start).")
    String since;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N URLs (in URL order).")
    Integer limit;

    @Option(names = "--json", description = "One JSON object per line, written as the archive is read.")
    boolean json;

    @Mixin
    ZoneOption zone;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + ": give a number of URLs, 1 or more");
        }
        Optional<Instant> from = Optional.ofNullable(since).map(t -> RequestedTime.parse(t, zone.zone()).start());
        // Buffered, not flushed per line: a listing of every URL is written in blocks.
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        try (Archive store = xxgk.global.openToRead()) {
            ArchivedSites.require(store, site);
            CaptureStore.Listing listing = new CaptureStore.Listing(Optional.ofNullable(site), from, limit == null ? 0 : limit);
            if (json) {
                store.captures().forEachListed(listing, c -> out.println(json(c)));
            } else {
                // Two passes, so that no row is kept: the columns' widths, then the rows.
                AlignedTable table = new AlignedTable("FETCHED", "STATUS", "SIZE", "TYPE", "URL").alignRight(1, 2);
                store.captures().forEachListed(listing, c -> table.measure(row(c)));
                store.captures().forEachListed(listing, c -> table.printRow(out, row(c)));
            }
        } finally {
            out.flush();
        }
        return 0;
    }

    private static Object[] row(Capture c) {
        return new Object[] {c.fetchedAt(), c.status(), Sizes.human(c.size()), c.contentType().isEmpty() ? "-" : c.contentType(), c.url()};
    }

    private static String json(Capture c) {
        try {
            return JSON.writeValueAsString(fields(c));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON shape scripts depend on. */
    static Map<String, Object> fields(Capture c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", c.url());
        m.put("final_url", c.finalUrl());
        m.put("status", c.status());
        m.put("sha256", c.sha256());
        m.put("size", c.size());
        m.put("content_type", c.contentType());
        m.put("fetched_at", c.fetchedAt().toString());
        m.put("site", c.site());
        m.put("run", c.run());
        m.put("found_on", c.foundOn().orElse(null));
        m.put("filename", c.filename().orElse(null));
        m.put("anchor", c.anchor().orElse(null));
        m.put("method", c.method());
        m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }
}
