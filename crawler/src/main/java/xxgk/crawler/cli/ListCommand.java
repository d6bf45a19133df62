package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.crawler.engine.Sizes;

@Command(name = "list", description = "List archived documents: the latest capture of each URL.")
final class ListCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's documents.")
    String site;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive store = xxgk.global.openToRead()) {
            ArchivedSites.require(store, site);
            AlignedTable table = new AlignedTable("FETCHED", "STATUS", "SIZE", "TYPE", "URL").alignRight(1, 2);
            for (Capture c : store.captures().latestPerUrl(Optional.ofNullable(site))) {
                if (json) {
                    out.println(JSON.writeValueAsString(fields(c)));
                } else {
                    table.add(c.fetchedAt(), c.status(), Sizes.human(c.size()), c.contentType().isEmpty() ? "-" : c.contentType(), c.url());
                }
            }
            table.print(out);
        }
        return 0;
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
