package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.config.Site;
import xxgk.config.SiteConfig;

@Command(name = "sites", description = "Validate the configuration and list the sites.")
final class SitesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "One JSON object per site: id, name, seeds, scope, delay_ms, max_depth, max_pages, "
            + "max_size, user_agent, every_ms, path, next_due (when crawl --every next crawls it; null if never scheduled).")
    boolean json;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws JsonProcessingException {
        SiteConfig sites = xxgk.global.sites();
        Map<String, Instant> due = nextDue(sites);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (json) {
            for (Site s : sites.sites()) {
                Map<String, Object> fields = fields(s);
                fields.put("next_due", Optional.ofNullable(due.get(s.id())).map(Instant::toString).orElse(null));
                out.println(JSON.writeValueAsString(fields));
            }
            return 0;
        }
        out.println(SiteConfig.file(xxgk.global.config) + ": " + sites.sites().size() + " sites, valid");
        AlignedTable table = new AlignedTable("ID", "NAME", "DELAY", "DEPTH", "PAGES", "NEXT DUE", "SEEDS", "PATH").alignRight(3, 4);
        for (Site s : sites.sites()) {
            table.add(s.id(), s.name(), s.delay().toMillis() + "ms", s.maxDepth(), s.maxPages(),
                    Optional.ofNullable(due.get(s.id())).map(Instant::toString).orElse("-"),
                    String.join(" ", s.seeds().stream().map(Object::toString).toList()), String.join(" > ", s.path()));
        }
        table.print(out);
        return 0;
    }

    /** When crawl --every next crawls each site, from the archive when there is one (a listing never makes one). */
    private Map<String, Instant> nextDue(SiteConfig sites) {
        Map<String, Instant> due = new HashMap<>();
        if (xxgk.global.location().exists()) {
            try (Archive store = xxgk.global.openToRead()) {
                sites.sites().forEach(s -> store.schedule().nextDue(s.id()).ifPresent(t -> due.put(s.id(), t)));
            }
        }
        return due;
    }

    private static Map<String, Object> fields(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("seeds", s.seeds().stream().map(Object::toString).toList());
        m.put("scope", s.scope());
        m.put("delay_ms", s.delay().toMillis());
        m.put("max_depth", s.maxDepth());
        m.put("max_pages", s.maxPages());
        m.put("max_size", s.maxSize());
        m.put("user_agent", s.userAgent());
        m.put("every_ms", s.every().map(java.time.Duration::toMillis).orElse(null));
        m.put("path", s.path());
        return m;
    }
}
