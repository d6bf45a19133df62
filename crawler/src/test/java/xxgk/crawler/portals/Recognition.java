package xxgk.crawler.portals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import xxgk.archive.Archive;

/** The one place the fixture test and benchmark ask the archive's report catalogue which reports it recognises. */
final class Recognition {

    private Recognition() {}

    /** The reports the archive recognises on the given sites (the crawl has refreshed the catalogue). */
    static List<RecognisedReport> recognised(Archive archive, List<String> sites) {
        return sites.stream().flatMap(site -> archive.catalog().reports(Optional.of(site), OptionalInt.empty()).stream())
                .map(r -> new RecognisedReport(r.site(), r.year(), r.locations())).toList();
    }
}
