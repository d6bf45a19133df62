package xxgk.crawler.portals;

import java.util.List;

/**
 * A report as report recognition names it, reduced to what the fixtures' ground truth can check: the site, the year
 * and every URL it was found at (article, originals, other locations). Recognition's own report type maps onto this.
 */
record RecognisedReport(String site, int year, List<String> locations) {

    RecognisedReport {
        locations = List.copyOf(locations);
    }
}
