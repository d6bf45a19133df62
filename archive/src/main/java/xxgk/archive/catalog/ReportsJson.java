package xxgk.archive.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shape of a catalogued {@link Report}, which scripts depend on: {@code {"id", "site", "agency", "year",
 * "title", "published": "2022-03-30" or null, "article_url": … or null, "formats": ["HTML", "PDF"],
 * "originals": [{"url", "sha256", "content_type", "filename"}], "locations": [url, …]}}. Further fields are added
 * to the object this returns.
 */
public final class ReportsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportsJson() {
    }

    public static ObjectNode toJson(Report r) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", r.id());
        json.put("site", r.site());
        json.put("agency", r.agency());
        json.put("year", r.year());
        json.put("title", r.title());
        json.put("published", r.published().map(Object::toString).orElse(null));
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
        return json;
    }
}
