package xxgk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The sites of one configuration file (sites.yaml), validated. */
public final class SiteConfig {

    /** The file read when none is named, relative to the working directory. */
    public static final String DEFAULT_FILE = "config/sites.yaml";
    /** The environment variable that names the sites file when none is given. */
    public static final String FILE_ENV = "XXGK_CONFIG";

    private final Path source;
    private final Map<String, Site> sites;

    SiteConfig(Path source, List<Site> sites) {
        this.source = source;
        Map<String, Site> byId = new LinkedHashMap<>();
        sites.forEach(s -> byId.put(s.id(), s));
        this.sites = byId;
    }

    /** The sites file to read: the one given (may be null), else $XXGK_CONFIG, else the default. */
    public static Path file(Path given) {
        String env = System.getenv(FILE_ENV);
        return given != null ? given : Path.of(env != null && !env.isBlank() ? env : DEFAULT_FILE);
    }

    /** Reads and validates a sites.yaml; every problem is a {@link ConfigException} naming file, line and key. */
    public static SiteConfig load(Path file) {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new SiteConfig(file, new SiteConfigReader(name).read(reader));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such configuration file (give one with --config FILE)");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
    }


    public List<Site> sites() {
        return List.copyOf(sites.values());
    }

    /** The named sites, or all of them when none is named; an unknown id is an error that lists the known ones. */
    public List<Site> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return sites();
        }
        List<Site> chosen = new ArrayList<>();
        for (String id : ids) {
            Site site = sites.get(id);
            if (site == null) {
                throw new ConfigException("unknown site '" + id + "' (" + source + " has: "
                        + sites.keySet().stream().collect(Collectors.joining(", ")) + ")");
            }
            chosen.add(site);
        }
        return chosen;
    }

}
