package xxgk.archive.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import xxgk.archive.report.ReportTitle;
import xxgk.archive.store.Capture;

/**
 * The part of a site's catalogue that what some runs captured can change: the URLs whose reports are recognised
 * again, and the stored reports reconciled with them. It starts from the URLs whose latest capture the runs made, the
 * pages each was found on, the redirects to and from each, and the captures found on each page fetched anew (not a
 * revisit: a revisit's page links what it linked before). It takes in every stored report with a URL among them or
 * found on a page the runs captured (that list read again may no longer link it), recognises the reports among them,
 * and takes in every stored report sharing a URL, the bytes of an original or article, an agency-naming title and
 * year, or an id with one of those, until nothing more comes in. A report outside shares nothing with what the runs
 * captured, and every capture it is read from is as the last catalogue read it: recognising the whole site would
 * find it unchanged.
 */
final class RunScope {

    /** The recognised reports within the scope, in listing order. */
    final List<Report> found;
    /** The stored reports within it, in the order given. */
    final List<Report> stored;

    private RunScope(List<Report> found, List<Report> stored) {
        this.found = found;
        this.stored = stored;
    }

    static RunScope of(String site, ReportRecognition recognition, ReportRecognition.SiteCaptures all,
                       Collection<Report> catalogued, Set<String> runs) {
        Map<String, List<String>> foundOnIt = new HashMap<>();
        Stream.concat(all.last.values().stream(), all.latest.values().stream()).forEach(c -> c.foundOn()
                .ifPresent(page -> foundOnIt.computeIfAbsent(page, p -> new ArrayList<>()).add(c.url())));
        Set<String> captured = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (Capture c : all.last.values()) {
            if (!runs.contains(c.run())) {
                continue;
            }
            captured.add(c.url());
            urls.add(c.url());
            urls.addAll(foundOn(c.url(), all));
            urls.addAll(all.redirectsTo.getOrDefault(c.url(), List.of()));
            Capture content = all.latest.get(c.url());
            if (content != null && content.redirect()) {
                Optional.ofNullable(all.finalCapture(content, all.latest)).ifPresent(target -> urls.add(target.url()));
            }
            if (!c.revisit()) {
                urls.addAll(foundOnIt.getOrDefault(c.url(), List.of()));
            }
        }
        List<Report> stored;
        List<Report> found;
        int before;
        do {
            before = urls.size();
            stored = catalogued.stream().filter(r -> urlsOf(r).anyMatch(u -> urls.contains(u)
                    || foundOn(u, all).stream().anyMatch(captured::contains))).toList();
            stored.forEach(r -> urlsOf(r).forEach(urls::add));
            Set<String> inside = new HashSet<>();
            stored.forEach(r -> inside.add(r.id()));
            Set<String> otherBases = new HashSet<>();
            catalogued.stream().filter(r -> !inside.contains(r.id()) && recognisable(r, all)).forEach(r -> otherBases.add(base(r.id())));
            found = recognition.of(site, all, urls, otherBases);
            Set<String> keys = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Report f : found) {
                urlsOf(f).forEach(urls::add);
                keys.addAll(keys(f, all));
                ids.add(f.id());
            }
            catalogued.stream().filter(r -> ids.contains(r.id()) || keys(r, all).stream().anyMatch(keys::contains))
                    .forEach(r -> urlsOf(r).forEach(urls::add));
        } while (urls.size() != before);
        return new RunScope(found, stored);
    }

    /** The pages the URL's latest capture, and the capture holding its bytes, were found on. */
    private static List<String> foundOn(String url, ReportRecognition.SiteCaptures all) {
        List<String> pages = new ArrayList<>(2);
        Optional.ofNullable(all.last.get(url)).flatMap(Capture::foundOn).ifPresent(pages::add);
        Optional.ofNullable(all.latest.get(url)).flatMap(Capture::foundOn).ifPresent(pages::add);
        return pages;
    }

    private static Stream<String> urlsOf(Report r) {
        return Stream.of(r.locations().stream(), r.articleUrl().stream(), r.originals().stream().map(ReportOriginal::url))
                .flatMap(s -> s);
    }

    /**
     * What makes two recognised reports one (see ReportRecognition's reprints): the bytes of an original or of the
     * article page, or an agency-naming title and year.
     */
    private static Set<String> keys(Report r, ReportRecognition.SiteCaptures all) {
        Set<String> keys = new HashSet<>();
        r.originals().forEach(o -> keys.add(o.sha256()));
        r.articleUrl().map(all.latest::get).ifPresent(article -> keys.add(article.sha256()));
        if (!ReportTitle.agencyIn(r.title()).isEmpty()) {
            keys.add(r.year() + "|" + ReportRecognition.comparable(r.title()));
        }
        return keys;
    }

    /** Whether recognising the site would find the stored report: its article, else an original, is answered. */
    private static boolean recognisable(Report r, ReportRecognition.SiteCaptures all) {
        return urlsOf(r).anyMatch(all.answered::containsKey);
    }

    /** An id's {@code site/year/agency}: what two reports of one agency and year share (see {@link Report}). */
    private static String base(String id) {
        String[] parts = id.split("/", 4);
        return parts.length < 3 ? id : parts[0] + "/" + parts[1] + "/" + parts[2];
    }
}
