package xxgk.archive.catalog;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import xxgk.archive.report.Warning;

/**
 * The JSON shape of a catalogued {@link Report}, which scripts depend on: {@code {"id", "site", "agency", "year",
 * "title", "published": "2022-03-30" or null, "published_source": "page" or … or null, "publisher": … or null, "article_url": … or null, "formats": ["HTML", "PDF"],
 * "originals": [{"url", "sha256", "content_type", "filename"}], "locations": [url, …], "status": "current" or
 * "removed", "removed_at": ISO-8601 UTC or null, "versions": [{"url", "sha256", "first_seen", "last_seen"}]}}; once parsed, also
 * {@code "format", "tables", "checks", "warnings", "uncertain", "commonFigures"} as {@code xxgk parse --json} gives them, and {@code "parsed_from":
 * {"url", "sha256", "parser_version"}} naming the original they were read from (all null, checks empty, until then);
 * {@code warnings} includes those of the cross-year rules against the agency's report of the year before.
 */
public final class ReportsJson {

    private static final String[] PARSED = {"format", "tables", "checks", "warnings", "uncertain", "commonFigures"};

    private ReportsJson() {
    }

    public static ObjectNode toJson(Report r) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", r.id());
        json.put("site", r.site());
        json.put("agency", r.agency());
        json.put("year", r.year());
        json.put("title", r.title());
        json.put("published", r.published().map(Object::toString).orElse(null));
        json.put("published_source", r.publishedSource().isEmpty() ? null : r.publishedSource());
        json.put("publisher", r.publisher().isEmpty() ? null : r.publisher());
        json.put("article_url", r.articleUrl().orElse(null));
        ArrayNode formats = json.putArray("formats");
        r.formats().forEach(formats::add);
        ArrayNode originals = json.putArray("originals");
        for (ReportOriginal o : r.originals()) {
            originals.addObject().put("url", o.url()).put("sha256", o.sha256()).put("content_type", o.contentType())
                    .put("filename", o.filename().orElse(null));
        }
        ArrayNode locations = json.putArray("locations");
        r.locations().forEach(locations::add);
        json.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("removed_at", r.removedAt().map(removal -> removal.at().toString()).orElse(null));
        ArrayNode versions = json.putArray("versions");
        r.versions().forEach(v -> versions.addObject().put("url", v.url()).put("sha256", v.sha256())
                .put("first_seen", v.firstSeen().toString()).put("last_seen", v.lastSeen().toString()));
        return json;
    }

    /** The report's JSON with its statistics: format, tables, checks and warnings, and the original they came from. */
    public static ObjectNode toJson(Report r, Optional<ReportStatistics.Parsed> parsed, List<Warning> acrossYears) {
        ObjectNode json = toJson(r);
        if (parsed.isEmpty()) {
            json.putNull("format");
            json.putNull("tables");
            json.putArray("checks");
            json.putArray("warnings");
            json.putArray("uncertain");
            json.putObject("commonFigures");
            json.putNull("parsed_from");
            return json;
        }
        JsonNode result = parsed.get().result();
        for (String field : PARSED) {
            json.set(field, result.get(field));
        }
        ArrayNode warnings = json.withArray("warnings");
        acrossYears.forEach(w -> warnings.addObject().put("id", w.id()).put("message", w.message()));
        json.putObject("parsed_from").put("url", parsed.get().original().url()).put("sha256", parsed.get().original().sha256())
                .put("parser_version", parsed.get().parse().parserVersion());
        return json;
    }
}
