package xxgk.crawler.portals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A portal's fixed pages by request target ({@code /path} or {@code /path?query}) and its ground truth, built
 * together so that every report the truth names is a page the portal serves.
 */
final class Content {

    private final String site;
    private final String base;
    private final Map<String, Answer> pages = new ConcurrentHashMap<>();
    private final List<ExpectedReport> reports = new ArrayList<>();
    private final List<Decoy> decoys = new ArrayList<>();

    /** @param base {@code http://host:port} */
    Content(String site, String base) {
        this.site = site;
        this.base = base;
    }

    String url(String target) {
        return base + target;
    }

    void page(String target, Answer answer) {
        pages.put(target, answer);
    }

    Optional<Answer> page(String target) {
        return Optional.ofNullable(pages.get(target));
    }

    /** A report at these targets (article or none, originals, reprints), all turned into absolute URLs. */
    void report(String agency, int year, String title, String article, List<String> originals, List<String> reprints,
                ExpectedReport.Reach reach) {
        reports.add(new ExpectedReport(site, agency, year, title, Optional.ofNullable(article).map(this::url),
                originals.stream().map(this::url).toList(), reprints.stream().map(this::url).toList(), reach));
    }

    void decoy(String target, Decoy.Kind kind) {
        decoys.add(new Decoy(site, url(target), kind));
    }

    List<ExpectedReport> reports() {
        return List.copyOf(reports);
    }

    List<Decoy> decoys() {
        return List.copyOf(decoys);
    }
}
