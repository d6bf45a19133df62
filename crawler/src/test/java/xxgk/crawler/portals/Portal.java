package xxgk.crawler.portals;

import java.time.Duration;
import java.util.List;

import xxgk.config.Site;

/** One government portal of the fixture: a host, how it answers, the site a user would configure, what it publishes. */
interface Portal {

    /** One request as the portal sees it: method, path, raw query (or null) and form body (empty unless POST). */
    record Request(String method, String path, String query, String form) {

        /** The value of a query or form parameter, or "" (undecoded: the fixture's values are plain ASCII). */
        String parameter(String name) {
            for (String part : new String[] {query, form}) {
                if (part == null) {
                    continue;
                }
                for (String pair : part.split("&")) {
                    if (pair.startsWith(name + "=")) {
                        return pair.substring(name.length() + 1);
                    }
                }
            }
            return "";
        }
    }

    String host();

    Answer answer(Request request);

    /** The site as a user would configure it for this portal. */
    Site site(Duration delay);

    /** The pages, reports and decoys this portal publishes. */
    Content content();

    /** The reports published here, with their absolute URLs. */
    default List<ExpectedReport> reports() {
        return content().reports();
    }

    default List<Decoy> decoys() {
        return content().decoys();
    }
}
