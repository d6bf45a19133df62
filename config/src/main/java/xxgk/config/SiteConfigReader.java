package xxgk.config;

import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the YAML node tree of a sites.yaml into sites. Works on nodes rather than bound objects so that
 * every error can point at the line it comes from.
 */
final class SiteConfigReader {

    static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    static final int DEFAULT_MAX_DEPTH = 8;
    static final int DEFAULT_MAX_PAGES = 5000;
    static final long DEFAULT_MAX_SIZE = 200L << 20;
    static final String DEFAULT_USER_AGENT =
            "xxgk/0.1 (archive of government open-information annual reports; obeys robots.txt)";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Set<String> TOP_KEYS = Set.of("defaults", "sites");
    private static final Set<String> DEFAULT_KEYS = Set.of("delay", "max_depth", "max_pages", "max_size", "user_agent", "every",
            "revisit");
    private static final Set<String> SITE_KEYS;

    static {
        Set<String> keys = new HashSet<>(DEFAULT_KEYS);
        keys.addAll(Set.of("id", "name", "seeds", "scope", "path"));
        SITE_KEYS = Set.copyOf(keys);
    }

    private final String file;

    SiteConfigReader(String file) {
        this.file = file;
    }

    List<Site> read(Reader reader) {
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ConfigException(file + ": not UTF-8 text; save it as UTF-8");
            }
            throw new ConfigException(file + ": not a usable configuration: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(file + ": empty; it needs a 'sites:' list");
        }
        Map<String, Node> top = mapping(root, "(top level)", TOP_KEYS);
        Map<String, Node> defaults = top.containsKey("defaults")
                ? mapping(top.get("defaults"), "defaults", DEFAULT_KEYS) : Map.of();
        Node sitesNode = top.get("sites");
        if (!(sitesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw error(sitesNode == null ? root : sitesNode, "sites", "must be a non-empty list of sites");
        }
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Site site = site(list.getValue().get(i), "sites[" + i + "]", defaults);
            if (!ids.add(site.id())) {
                throw error(list.getValue().get(i), "sites[" + i + "].id", "'" + site.id() + "' is used twice");
            }
            for (Site other : sites) {
                for (String host : site.scope()) {
                    if (other.scope().contains(host)) {
                        throw error(list.getValue().get(i), "sites[" + i + "].scope", "host " + host + " is also in the scope of site '"
                                + other.id() + "'; a host belongs to one site: merge the two (their seeds, and a path both share)");
                    }
                }
            }
            sites.add(site);
        }
        return sites;
    }

    /** A sites.yaml is small and plain: aliases that multiply (a "billion laughs"), deep nesting and huge files are refused. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1 << 20);
        return options;
    }

    private Site site(Node node, String where, Map<String, Node> defaults) {
        Map<String, Node> m = mapping(node, where, SITE_KEYS);
        Map<String, Node> values = new HashMap<>(defaults);
        values.putAll(m);

        String id = requiredScalar(m, node, where, "id");
        if (!ID.matcher(id).matches()) {
            throw error(m.get("id"), where + ".id", "'" + id + "' must be lower-case letters, digits, '-' or '_'");
        }
        String name = m.containsKey("name") ? scalar(m.get("name"), where + ".name") : id;

        if (!m.containsKey("seeds")) {
            throw error(node, where + ".seeds", "missing; a site needs at least one seed URL");
        }
        List<URI> seeds = new ArrayList<>();
        for (Node seed : list(m.get("seeds"), where + ".seeds")) {
            seeds.add(httpUrl(seed, where + ".seeds"));
        }
        if (seeds.isEmpty()) {
            throw error(m.get("seeds"), where + ".seeds", "needs at least one seed URL");
        }

        Set<String> scope = new LinkedHashSet<>();
        if (m.containsKey("scope")) {
            for (Node host : list(m.get("scope"), where + ".scope")) {
                scope.add(scalar(host, where + ".scope").toLowerCase(Locale.ROOT));
            }
        } else {
            seeds.forEach(s -> scope.add(s.getHost().toLowerCase(Locale.ROOT)));
        }

        Duration delay = values.containsKey("delay") ? duration(values.get("delay"), where + ".delay") : DEFAULT_DELAY;
        int maxDepth = values.containsKey("max_depth") ? count(values.get("max_depth"), where + ".max_depth") : DEFAULT_MAX_DEPTH;
        int maxPages = values.containsKey("max_pages") ? count(values.get("max_pages"), where + ".max_pages") : DEFAULT_MAX_PAGES;
        long maxSize = values.containsKey("max_size") ? size(values.get("max_size"), where + ".max_size") : DEFAULT_MAX_SIZE;
        String userAgent = values.containsKey("user_agent") ? userAgent(values.get("user_agent"), where + ".user_agent") : DEFAULT_USER_AGENT;
        Optional<Duration> every = values.containsKey("every")
                ? Optional.of(duration(values.get("every"), where + ".every")) : Optional.empty();
        List<String> path = m.containsKey("path") ? path(m.get("path"), where + ".path") : List.of();
        Optional<Duration> revisit = values.containsKey("revisit")
                ? Optional.of(duration(values.get("revisit"), where + ".revisit")) : Optional.empty();

        Site site = new Site(id, name, seeds, List.copyOf(scope), delay, maxDepth, maxPages, maxSize, userAgent, every, path, revisit);
        for (int i = 0; i < seeds.size(); i++) {
            if (!site.inScope(seeds.get(i))) {
                throw error(m.get("seeds"), where + ".seeds[" + i + "]", "host " + seeds.get(i).getHost() + " is outside the site's scope " + scope);
            }
        }
        return site;
    }

    private Map<String, Node> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, where, "must be a mapping of key: value");
        }
        Map<String, Node> result = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), where);
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), prefix(where) + key, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            Node earlier = result.put(key, tuple.getValueNode());
            if (earlier != null) {
                // YAML keeps the last value silently; a key given twice is a mistake the user should see.
                throw error(tuple.getKeyNode(), prefix(where) + key, "given twice (first on line "
                        + (earlier.getStartMark().getLine() + 1) + "); keep one");
            }
        }
        return result;
    }

    private static String prefix(String where) {
        return where.startsWith("(") ? "" : where + ".";
    }

    private List<Node> list(Node node, String where) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        throw error(node, where, "must be a list");
    }

    private String requiredScalar(Map<String, Node> m, Node parent, String where, String key) {
        if (!m.containsKey(key)) {
            throw error(parent, where + "." + key, "missing");
        }
        return scalar(m.get(key), where + "." + key);
    }

    private String scalar(Node node, String where) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(node, where, "must be a non-empty text value");
        }
        return s.getValue().trim();
    }

    /** HTTP header values are ASCII; a Chinese User-Agent would fail every request. */
    private String userAgent(Node node, String where) {
        String text = scalar(node, where);
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw error(node, where, "must be printable ASCII (HTTP headers cannot carry other characters)");
        }
        return text;
    }

    private URI httpUrl(Node node, String where) {
        String text = scalar(node, where);
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw error(node, where, "'" + text + "' is not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw error(node, where, "'" + text + "' is not a URL: " + e.getReason());
        }
    }

    private Duration duration(Node node, String where) {
        String text = scalar(node, where);
        Duration d = Quantities.durationOrNull(text);
        if (d == null) {
            throw error(node, where, "'" + text + "' is not a duration (e.g. 500ms, 2s, 10m, 6h, 1d)");
        }
        return d;
    }

    private int count(Node node, String where) {
        String text = scalar(node, where);
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the value
        }
        throw error(node, where, "'" + text + "' is not a positive whole number");
    }

    private long size(Node node, String where) {
        String text = scalar(node, where);
        long n = Quantities.bytesOrMinusOne(text);
        if (n <= 0) {
            throw error(node, where, "'" + text + "' is not a size (e.g. 512KB, 50MB, 1GB)");
        }
        return n;
    }

    /** Either "a > b > c" as printed in the reports, or a YAML list of link texts. */
    private List<String> path(Node node, String where) {
        List<String> steps = new ArrayList<>();
        if (node instanceof ScalarNode) {
            for (String step : scalar(node, where).split("\\s*[>→]\\s*")) {
                if (!step.isBlank()) {
                    steps.add(step.trim());
                }
            }
        } else {
            for (Node step : list(node, where)) {
                steps.add(scalar(step, where));
            }
        }
        if (steps.size() > Site.MAX_PATH_STEPS) {
            throw error(node, where, steps.size() + " steps; a path has at most " + Site.MAX_PATH_STEPS
                    + " (the reports name three or four)");
        }
        return steps;
    }

    private ConfigException error(Node node, String key, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return ConfigException.at(file, line, key, problem);
    }
}
