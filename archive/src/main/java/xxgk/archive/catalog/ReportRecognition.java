package xxgk.archive.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import xxgk.archive.report.Dates;
import xxgk.archive.report.Labels;
import xxgk.archive.report.ReportTitle;
import xxgk.archive.report.ReportYear;
import xxgk.archive.report.document.FlattenedTextReader;
import xxgk.archive.report.document.Row;
import xxgk.archive.store.BlobStore;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.store.Sha256;
import xxgk.archive.store.TextStore;
import xxgk.archive.text.Extraction;

/**
 * Recognises the reports of one site among the latest captures of its URLs.
 *
 * <p>An HTML page whose own title classifies as a report ({@link ReportClassifier}) is an article, unless it
 * has no article metadata and links another report page: then it is a list. An article's report is the page and
 * the documents it links (captures found on it, directly or through redirects, or named by its links), except a
 * document whose own link text or file name says it is something else. A document no article claims is a report
 * alone when its link text, file name or printed title says so. A page that does not describe itself as an
 * article (no ArticleTitle, PubDate or 名称) and neither holds a text of its own nor has documents is a column or
 * directory page, whatever its title. Reports sharing an original (same SHA-256), or the same year and title naming
 * an agency, are one report reprinted at several URLs.
 *
 * <p>Who it covers is {@link Agency}'s to say; when it was published, {@link Publication}'s sources in their order.
 */
final class ReportRecognition {

    private static final int MAX_REDIRECTS = 10;
    /** The head of a text, where the title and date are printed, is within these many characters. */
    private static final int HEAD = 8000;
    /**
     * Words of the report's body (the unified formats' sections, and the pre-2019 reports' 主动公开/依申请公开 sections):
     * a page holding them is the report itself, not only a cover for attachments.
     */
    private static final Pattern REPORT_BODY = Pattern.compile("总体情况|本年新收|主动公开政府信息的?情况|依申请公开(和不予公开)?政府信息的?情况");
    /** Text beyond a header and footer: a page holding this much of its own is an article, not a column. */
    private static final int BODY_CHARS = 1000;
    private static final Pattern PREVIOUS_OR_NEXT = Pattern.compile("^(上一|下一)");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private final CaptureStore captures;
    private final TextStore texts;
    private final BlobStore blobs;

    ReportRecognition(CaptureStore captures, TextStore texts, BlobStore blobs) {
        this.captures = captures;
        this.texts = texts;
        this.blobs = blobs;
    }

    /** A report before reprints are merged and ids given. */
    private static final class Found {
        Capture article;
        boolean articleIsReport;
        String title;
        String agency;
        Optional<String> publisher = Optional.empty();
        Optional<String> siteName = Optional.empty();
        /** What the portal or the document states; the servers' and the archive's clocks come in per report. */
        Optional<Publication> stated = Optional.empty();
        final List<Capture> documents = new ArrayList<>();

        Optional<LocalDate> statedDate() {
            return stated.map(Publication::date);
        }

        int year() {
            return ReportYear.of(title, statedDate());
        }

        /** What the id hashes: the agency as the title writes it, else as the page names its publisher or site. */
        String idAgency() {
            String inTitle = titleAgency();
            return inTitle.isEmpty() ? publisher.or(() -> siteName).orElse("") : inTitle;
        }

        /** The agency the title names; empty when it names none. */
        String titleAgency() {
            return ReportTitle.agencyIn(title);
        }

        String firstUrl() {
            return article != null ? article.url() : documents.get(0).url();
        }
    }

    /**
     * What is known about a site's captures: the ones answered, their types, and how they were reached. Read once
     * per refresh of the site, however often recognition goes over them.
     */
    final class SiteCaptures {
        final Map<String, Capture> answered = new LinkedHashMap<>();
        /** Each URL's latest content: the capture holding the bytes its latest capture stands for. */
        final Map<String, Capture> latest = new HashMap<>();
        /** Each URL's latest capture, a revisit included: which run made it, and on which page it was found. */
        final Map<String, Capture> last = new HashMap<>();
        /** Detected media types by digest, read as recognition needs them; null when no text is stored. */
        private final Map<String, String> types = new HashMap<>();
        final Map<String, List<String>> redirectsTo = new HashMap<>();
        final Map<String, List<Capture>> foundOn = new HashMap<>();
        final Map<String, String> anchors = new HashMap<>();
        final Map<String, Optional<ArticlePage>> pages = new HashMap<>();

        /** Digests of pages whose text names no report: read once however often recognition runs. */
        private final Set<String> noReportText = new HashSet<>();

        private SiteCaptures(String site) {
            List<Capture> all = new ArrayList<>();
            for (CaptureStore.Latest l : captures.latestWithContentPerUrl(Optional.of(site))) {
                all.add(l.content());
                latest.put(l.content().url(), l.content());
                last.put(l.capture().url(), l.capture());
            }
            all.stream().filter(c -> c.status() / 100 == 2).forEach(c -> answered.put(c.url(), c));
            for (Capture c : all) {
                Capture target = c.redirect() ? finalCapture(c, latest) : answered.get(c.url());
                if (target == null) {
                    continue;
                }
                if (c.redirect()) {
                    redirectsTo.computeIfAbsent(target.url(), u -> new ArrayList<>()).add(c.url());
                }
                c.foundOn().ifPresent(page -> foundOn.computeIfAbsent(page, p -> new ArrayList<>()).add(target));
                c.anchor().ifPresent(a -> anchors.putIfAbsent(target.url(), a));
            }
        }

        Capture finalCapture(Capture redirect, Map<String, Capture> byUrl) {
            Capture c = redirect;
            for (int hop = 0; hop < MAX_REDIRECTS && c != null && c.redirect(); hop++) {
                c = byUrl.get(c.finalUrl());
            }
            return c != null && answered.containsKey(c.url()) ? c : null;
        }

        /** Reads the detected types of these captures' contents that are not known yet, a batch at a time. */
        void readTypes(Collection<Capture> of) {
            List<String> unknown = of.stream().map(Capture::sha256).filter(sha -> !types.containsKey(sha)).distinct().toList();
            Map<String, String> read = texts.mediaTypes(unknown);
            unknown.forEach(sha -> types.put(sha, read.get(sha)));
        }

        /** The content's type as detected, else as the server said. */
        String detectedType(Capture c) {
            if (!types.containsKey(c.sha256())) {
                readTypes(List.of(c));
            }
            String detected = types.get(c.sha256());
            return detected != null ? detected : c.contentType();
        }

        String type(Capture c) {
            return detectedType(c).toLowerCase(Locale.ROOT);
        }

        boolean isPage(Capture c) {
            return type(c).contains("html");
        }

        boolean isDocument(Capture c) {
            String t = type(c).split(";")[0].strip();
            return t.equals("application/pdf") || t.contains("msword") || t.contains("officedocument")
                    || t.startsWith("application/vnd.ms-") || t.contains("opendocument") || t.equals("application/zip")
                    || t.contains("rar") || t.contains("7z") || t.contains("rtf") || t.startsWith("application/x-tika-")
                    || t.contains("wps") || t.contains("ofd");
        }

        /** The page parsed, once; empty when it is not an answered HTML page of an article's size. */
        Optional<ArticlePage> page(String url) {
            return pages.computeIfAbsent(url, u -> {
                Capture c = answered.get(u);
                return c == null || !isPage(c) || c.size() > ArticlePage.MAX_BYTES ? Optional.empty()
                        : Optional.of(ArticlePage.parse(bytes(c.sha256()), c.contentType(), c.url()));
            });
        }

        /** Every answered capture the page leads to: found on it, or named by its links. */
        List<Capture> linkedFrom(String pageUrl, ArticlePage page) {
            Map<String, Capture> linked = new LinkedHashMap<>();
            foundOn.getOrDefault(pageUrl, List.of()).forEach(c -> linked.put(c.url(), c));
            page.links().keySet().stream().map(answered::get).filter(c -> c != null).forEach(c -> linked.putIfAbsent(c.url(), c));
            linked.remove(pageUrl);
            return linked.values().stream().sorted(Comparator.comparing(Capture::url)).toList();
        }

        String anchor(Capture c, ArticlePage linkingPage) {
            return anchors.getOrDefault(c.url(), linkingPage == null ? "" : linkingPage.links().getOrDefault(c.url(), ""));
        }

        /** The date printed beside the link that led to c (or to a redirect to it), on the list page it was found on. */
        Optional<LocalDate> listDate(Capture c) {
            List<Capture> reached = new ArrayList<>(List.of(c));
            redirectsTo.getOrDefault(c.url(), List.of()).stream().map(latest::get).forEach(reached::add);
            for (Capture via : reached) {
                Optional<LocalDate> date = via.foundOn().flatMap(this::page).map(p -> p.linkDates().get(via.url()));
                if (date.isPresent()) {
                    return date;
                }
            }
            return Optional.empty();
        }
    }

    /** The site's latest captures, as recognition reads them. */
    SiteCaptures captures(String site) {
        return new SiteCaptures(site);
    }

    /**
     * The reports the candidate URLs hold (every answered URL: all the site's), as recognising the whole site finds
     * them, provided the candidates take in every page and document those reports share anything with: an article
     * claims its documents before later ones do, reprints are merged, and ids are told apart. otherBases: the ids'
     * {@code site/year/agency} of the reports outside the candidates, from which a report of the same agency and year
     * is told apart as it would be among all of the site's.
     */
    List<Report> of(String site, SiteCaptures all, Set<String> candidates, Set<String> otherBases) {
        List<Capture> examined = all.answered.values().stream().filter(c -> candidates.contains(c.url())).toList();
        all.readTypes(examined);
        List<Found> found = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Capture c : examined) {
            if (all.isPage(c)) {
                article(c, all, claimed).ifPresent(found::add);
            }
        }
        for (Capture c : examined) {
            if (all.isDocument(c) && !claimed.contains(c.url())) {
                alone(c, all).ifPresent(found::add);
            }
        }
        return identify(site, mergeReprints(found), all, otherBases);
    }

    private Optional<Found> article(Capture c, SiteCaptures all, Set<String> claimed) {
        if (all.noReportText.contains(c.sha256())) {
            return Optional.empty();
        }
        String body = text(c);
        if (!body.contains("报告") && !body.contains("年报")) {
            all.noReportText.add(c.sha256());
            return Optional.empty();
        }
        Optional<ArticlePage> parsed = all.page(c.url());
        if (parsed.isEmpty()) {
            return Optional.empty(); // a page too large to read as an article (its links were still followed)
        }
        ArticlePage page = parsed.get();
        ReportClassifier.Verdict verdict = ReportClassifier.classify(page.titles(), body);
        if (!verdict.report()) {
            return Optional.empty();
        }
        String title = verdict.title().orElseThrow();
        List<Capture> linked = all.linkedFrom(c.url(), page);
        if (!page.article() && linked.stream().anyMatch(l -> all.isPage(l) && namesAnotherReport(all.anchor(l, page), title))) {
            return Optional.empty();
        }
        Found f = new Found();
        f.article = c;
        f.articleIsReport = REPORT_BODY.matcher(body).find();
        f.title = title;
        List<Capture> documents = new ArrayList<>();
        for (Capture d : linked) {
            ReportClassifier.Verdict own = ReportClassifier.classify(List.of(all.anchor(d, page), filename(d).orElse("")), "");
            boolean somethingElse = !own.report() && own.title().isPresent();
            if (all.isDocument(d) && !somethingElse && !claimed.contains(d.url())) {
                documents.add(d);
            }
        }
        boolean hasBody = f.articleIsReport || page.ownText() >= BODY_CHARS;
        if (!page.article() && !hasBody && documents.isEmpty() && !page.linksDocuments()) {
            return Optional.empty(); // a column or directory page: it only leads elsewhere
        }
        documents.forEach(d -> claimed.add(d.url()));
        f.documents.addAll(documents);
        f.publisher = page.publisher();
        f.siteName = page.siteName();
        f.agency = Agency.covered(f.titleAgency(), f.publisher, f.siteName, head(body));
        f.stated = page.published().map(d -> new Publication(d, Publication.Source.PAGE))
                .or(() -> all.listDate(c).map(d -> new Publication(d, Publication.Source.LIST)))
                .or(() -> printedDate(f));
        return Optional.of(f);
    }

    /** The date printed at the head of the report: its article's text, else its documents'. */
    private Optional<Publication> printedDate(Found f) {
        List<Capture> printed = new ArrayList<>();
        if (f.article != null) {
            printed.add(f.article);
        }
        printed.addAll(f.documents);
        return printed.stream().map(c -> ReportTitle.find(headRows(text(c))).published()).flatMap(Optional::stream).findFirst()
                .map(d -> new Publication(d, Publication.Source.DOCUMENT));
    }

    /** A link text naming a report other than the page's own; "上一篇/下一篇" links name neighbours, not list entries. */
    private static boolean namesAnotherReport(String anchor, String title) {
        if (PREVIOUS_OR_NEXT.matcher(anchor.strip()).find()) {
            return false;
        }
        ReportClassifier.Verdict v = ReportClassifier.classify(List.of(anchor), "");
        return v.report() && !comparable(v.title().orElseThrow()).equals(comparable(title));
    }

    private Optional<Found> alone(Capture c, SiteCaptures all) {
        String body = text(c);
        String anchor = all.anchors.getOrDefault(c.url(), "");
        ReportClassifier.Verdict verdict = ReportClassifier.classify(List.of(anchor, filename(c).orElse("")), body);
        ReportTitle head = null;
        if (verdict.title().isEmpty()) {
            head = ReportTitle.find(headRows(body));
            verdict = ReportClassifier.classify(List.of(head.title()), body);
            // Read from the text alone, a title must head a report's body: a ZIP's text begins with its members'
            // names, and a member named as a report may hold anything (the hostile site's bomb held filler).
            if (!REPORT_BODY.matcher(body).find()) {
                return Optional.empty();
            }
        }
        if (!verdict.report()) {
            return Optional.empty();
        }
        Found f = new Found();
        f.documents.add(c);
        f.title = verdict.title().orElseThrow();
        Optional<LocalDate> printed = (head != null ? head : ReportTitle.find(headRows(body))).published();
        f.stated = all.listDate(c).map(d -> new Publication(d, Publication.Source.LIST))
                .or(() -> printed.map(d -> new Publication(d, Publication.Source.DOCUMENT)));
        f.siteName = c.foundOn().flatMap(all::page).flatMap(ArticlePage::siteName);
        f.agency = Agency.covered(f.titleAgency(), Optional.empty(), f.siteName, head(body));
        return Optional.of(f);
    }

    /** Groups of found reports that are one report: sharing an original, or an agency-naming title and year. */
    private List<List<Found>> mergeReprints(List<Found> found) {
        int[] parent = new int[found.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            List<String> keys = new ArrayList<>();
            if (f.article != null) {
                keys.add(f.article.sha256());
            }
            f.documents.forEach(d -> keys.add(d.sha256()));
            if (!f.titleAgency().isEmpty()) {
                keys.add(f.year() + "|" + comparable(f.title));
            }
            for (String key : keys) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    parent[root(parent, i)] = root(parent, other);
                }
            }
        }
        Map<Integer, List<Found>> groups = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(found.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * One report per group, described by its primary: the earliest published article, else the first document. Its
     * publication is the best any of the group states, else its originals' servers' or first captures' word.
     */
    private List<Report> identify(String site, List<List<Found>> groups, SiteCaptures all, Set<String> otherBases) {
        Comparator<Found> primaryFirst = Comparator.<Found, Boolean>comparing(f -> f.article == null)
                .thenComparing(f -> f.statedDate().orElse(LocalDate.MAX))
                .thenComparing(Found::firstUrl);
        Map<String, List<Integer>> byBaseId = new HashMap<>();
        List<String> baseIds = new ArrayList<>();
        List<Optional<Publication>> stated = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Found> group = groups.get(i);
            group.sort(primaryFirst);
            Found primary = group.get(0);
            stated.add(group.stream().map(f -> f.stated).flatMap(Optional::stream).min(Publication.BEST_FIRST));
            // The year comes from what the portal or the document says, never from the archive's clock.
            years.add(ReportYear.of(primary.title, stated.get(i).map(Publication::date)));
            String base = site + "/" + years.get(i) + "/" + hex(comparable(primary.idAgency()), 10);
            baseIds.add(base);
            byBaseId.computeIfAbsent(base, b -> new ArrayList<>()).add(i);
        }
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Found> group = groups.get(i);
            Found primary = group.get(0);
            String id = byBaseId.get(baseIds.get(i)).size() == 1 && !otherBases.contains(baseIds.get(i)) ? baseIds.get(i)
                    : baseIds.get(i) + "/" + hex(comparable(primary.title), 8);
            Map<String, ReportOriginal> originals = new LinkedHashMap<>();
            Set<String> locations = new TreeSet<>();
            List<Capture> fetched = new ArrayList<>();
            for (Found f : group) {
                List<Capture> held = new ArrayList<>();
                if (f.article != null) {
                    locate(f.article, all, locations);
                    fetched.add(f.article);
                    if (f.articleIsReport) {
                        held.add(f.article);
                    }
                }
                held.addAll(f.documents);
                fetched.addAll(f.documents);
                for (Capture c : held) {
                    locate(c, all, locations);
                    originals.putIfAbsent(c.sha256(), new ReportOriginal(c.url(), c.sha256(),
                            all.detectedType(c), filename(c)));
                }
            }
            Publication publication = stated.get(i).orElseGet(() -> unstated(fetched));
            reports.add(new Report(id, site, primary.agency, years.get(i), primary.title, Optional.of(publication.date()),
                    publication.source().word(), primary.publisher.orElse(""), Optional.ofNullable(primary.article).map(Capture::url),
                    List.copyOf(originals.values()), List.copyOf(locations)));
        }
        reports.sort(ReportCatalog.ORDER);
        return reports;
    }

    /**
     * When nothing states it: the earliest Last-Modified its server sent for one of the report's URLs on their first
     * answer, else the earliest of those first answers.
     */
    private Publication unstated(List<Capture> fetched) {
        List<Capture> first = fetched.stream().map(c -> captures.firstAnswered(c.url()).orElse(c)).toList();
        Optional<LocalDate> lastModified = first.stream().map(ReportRecognition::lastModified).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        if (lastModified.isPresent()) {
            return new Publication(lastModified.get(), Publication.Source.LAST_MODIFIED);
        }
        return new Publication(first.stream().map(c -> Dates.inChina(c.fetchedAt())).min(Comparator.naturalOrder()).orElseThrow(),
                Publication.Source.CAPTURED);
    }

    private static Optional<LocalDate> lastModified(Capture c) {
        return c.headers().stream().filter(h -> h.name().equalsIgnoreCase("Last-Modified")).findFirst().flatMap(h -> Dates.http(h.value()));
    }

    private static void locate(Capture c, SiteCaptures all, Set<String> locations) {
        locations.add(c.url());
        locations.addAll(all.redirectsTo.getOrDefault(c.url(), List.of()));
    }

    private String text(Capture c) {
        return texts.get(c.sha256()).map(Extraction::text).orElse("");
    }

    byte[] bytes(String sha256) {
        try (InputStream in = blobs.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading original " + sha256, e);
        }
    }

    /** The head of a document's text, where its title, its date and often its full name are printed. */
    private static String head(String text) {
        return text.substring(0, Math.min(text.length(), HEAD));
    }

    private static List<Row> headRows(String text) {
        return FlattenedTextReader.read(head(text), "text").rows();
    }

    /** The file name the server gave, else the URL's last path segment when it names a file. */
    static Optional<String> filename(Capture c) {
        if (c.filename().isPresent()) {
            return c.filename();
        }
        String path;
        try {
            path = URI.create(c.url()).getPath();
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? Optional.of(last) : Optional.empty();
    }

    /** A title or agency as compared: printed-label normalisation, without punctuation. */
    static String comparable(String s) {
        return NOT_A_LETTER.matcher(Labels.normalise(ReportClassifier.clean(s))).replaceAll("");
    }

    static String hex(String s, int digits) {
        return Sha256.of(s.getBytes(StandardCharsets.UTF_8)).substring(0, digits);
    }
}
