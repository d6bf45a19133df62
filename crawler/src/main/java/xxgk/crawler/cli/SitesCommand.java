package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.config.Site;
import xxgk.config.SiteConfig;

@Command(name = "sites", description = "Validate the configuration and list the sites.")
final class SitesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "One JSON object per site: id, name, seeds, scope, delay_ms, max_depth, max_pages, "
            + "max_size, user_agent, every_ms, path.")
    boolean json;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws JsonProcessingException {
        SiteConfig sites = xxgk.global.sites();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (json) {
            for (Site s : sites.sites()) {
                out.println(JSON.writeValueAsString(fields(s)));
            }
            return 0;
        }
        out.println(SiteConfig.file(xxgk.global.config) + ": " + sites.sites().size() + " sites, valid");
        AlignedTable table = new AlignedTable("ID", "NAME", "DELAY", "DEPTH", "PAGES", "SEEDS", "PATH").alignRight(3, 4);
        for (Site s : sites.sites()) {
            table.add(s.id(), s.name(), s.delay().toMillis() + "ms", s.maxDepth(), s.maxPages(),
                    String.join(" ", s.seeds().stream().map(Object::toString).toList()), String.join(" > ", s.path()));
        }
        table.print(out);
        return 0;
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
