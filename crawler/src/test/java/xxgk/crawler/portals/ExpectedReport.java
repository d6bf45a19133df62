package xxgk.crawler.portals;

import java.util.List;
import java.util.Optional;

/**
 * One annual report on the fixture portals, as a person browsing them would find it: ground truth.
 *
 * @param site           the id of the site that publishes it
 * @param agency         the body that reports, as the portal names it
 * @param year           the year reported on (the publication year − 1 when the title omits it)
 * @param title          the title as listed
 * @param articleUrl     the article page that presents it, if there is one (none for a file linked from a list)
 * @param originals      the URLs of its documents: the attachments, or the article itself when its text is the report
 * @param otherLocations further URLs where the same report is published on the portal (reprints)
 * @param reach          whether a polite crawler can get it at all
 */
public record ExpectedReport(String site, String agency, int year, String title, Optional<String> articleUrl,
                             List<String> originals, List<String> otherLocations, Reach reach) {

    /** Whether a report can be fetched by a crawler that obeys robots.txt and does not break anti-bot walls. */
    public enum Reach {
        REACHABLE,
        /** behind an anti-bot wall: absent from the archive because it was blocked, not because it is missing */
        BLOCKED,
        /** under a path robots.txt disallows: must never be requested */
        ROBOTS_DISALLOWED
    }

    public ExpectedReport {
        originals = List.copyOf(originals);
        otherLocations = List.copyOf(otherLocations);
    }

    /** Every URL of the report: article, originals and reprints. */
    public List<String> urls() {
        List<String> all = new java.util.ArrayList<>();
        articleUrl.ifPresent(all::add);
        all.addAll(originals);
        all.addAll(otherLocations);
        return all.stream().distinct().toList();
    }
}
