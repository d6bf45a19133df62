package xxgk.crawler.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.catalog.PortalMention;
import xxgk.archive.catalog.Report;
import xxgk.config.Site;

/**
 * sites.yaml entries for the portals the reports name that no configured site covers. A portal named with its
 * address becomes a site: seeded there, scoped to its host, and — when the address is the portal's home page —
 * following the path the report gives. A portal named without an address is listed as a comment, unless a
 * configured site already follows that path.
 */
final class SiteProposals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAMED_BY_SHOWN = 3;

    private SiteProposals() {
    }

    /** The entries, indented to be pasted under {@code sites:}, with comments saying which reports named them. */
    static String yaml(List<Site> configured, Map<PortalMention, List<Report>> named) {
        Map<String, List<Map.Entry<PortalMention, List<Report>>>> byHost = new LinkedHashMap<>();
        List<Map.Entry<PortalMention, List<Report>>> withoutAddress = new ArrayList<>();
        for (Map.Entry<PortalMention, List<Report>> e : named.entrySet()) {
            Optional<URI> address = e.getKey().address().flatMap(SiteProposals::uri);
            if (address.isPresent()) {
                String host = address.get().getHost().toLowerCase(Locale.ROOT);
                if (configured.stream().noneMatch(s -> s.inScope(host))) {
                    byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(e);
                }
            } else if (configured.stream().noneMatch(s -> s.path().equals(e.getKey().path()))) {
                withoutAddress.add(e);
            }
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Portals named by the archived reports that no configured site covers: paste under \"sites:\".\n");
        if (byHost.isEmpty()) {
            yaml.append("# (none: every portal named with an address is covered)\n");
        }
        Set<String> ids = new HashSet<>();
        configured.forEach(s -> ids.add(s.id()));
        byHost.forEach((host, mentions) -> entry(yaml, host, mentions, ids));
        if (!withoutAddress.isEmpty()) {
            yaml.append("\n# Named without an address (find the portal by its name, then add it):\n");
            for (Map.Entry<PortalMention, List<Report>> e : withoutAddress) {
                yaml.append("#   ").append(e.getKey()).append("  — in ").append(e.getValue().get(0).title()).append('\n');
            }
        }
        return yaml.toString();
    }

    private static void entry(StringBuilder yaml, String host, List<Map.Entry<PortalMention, List<Report>>> mentions, Set<String> ids) {
        PortalMention first = mentions.get(0).getKey();
        Report namer = mentions.get(0).getValue().get(0);
        URI seed = uri(first.address().orElseThrow()).orElseThrow();
        boolean home = seed.getPath() == null || seed.getPath().isEmpty() || seed.getPath().equals("/");
        yaml.append('\n');
        mentions.stream().flatMap(m -> m.getValue().stream().map(r -> "  # named by " + r.title() + " (" + r.id() + "): " + m.getKey()))
                .distinct().limit(NAMED_BY_SHOWN).forEach(line -> yaml.append(line).append('\n'));
        yaml.append("  - id: ").append(id(host, ids)).append('\n');
        yaml.append("    name: ").append(quoted(namer.agency().isEmpty() ? first.portal() : namer.agency())).append('\n');
        yaml.append("    seeds: [").append(quoted(seed.toString())).append("]\n");
        yaml.append("    scope: [").append(quoted(host)).append("]\n");
        if (home && !first.path().isEmpty()) {
            yaml.append("    path: ").append(quoted(String.join(" > ", first.path()))).append('\n');
        }
    }

    /** An id from the host: www.hulan.gov.cn → hulan, ngqxxgk.harbin.gov.cn → ngqxxgk-harbin; unique. */
    static String id(String host, Set<String> taken) {
        String base = host.replaceFirst("^www\\.", "").replaceFirst("\\.(gov|com|org|net|edu)?\\.?cn$", "")
                .replaceFirst("\\.(gov|com|org|net)$", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "site";
        }
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static Optional<URI> uri(String address) {
        try {
            URI uri = new URI(address.startsWith("http") ? address : "http://" + address);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A YAML double-quoted scalar (JSON strings are valid YAML). */
    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
