package xxgk.crawler.portals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import xxgk.config.Site;

/**
 * 阿城区人民政府's portal between two crawls: a 年报 column of twenty reports (the district and four bureaus, 2020–2023,
 * each an article with its PDF), served as a web server serves them (ETag, Last-Modified, 304 — see
 * {@link FixturePortals}). Then {@link #change()} does what portals do between two crawls: one report's PDF is
 * replaced by a corrected version, one report is taken down (its article and PDF answer 404, while the list keeps
 * a stale link, as lists often do), and a new report appears on the list. {@link #restore()} puts the taken-down
 * report back. {@link #drop()} takes another report off the list, its article and PDF still served.
 */
final class ChangingPortal implements Portal {

    static final String HOST = "www.acheng.gov.cn";
    static final String SITE = "acheng";
    static final String GOVERNMENT = "哈尔滨市阿城区人民政府";
    static final List<String> AGENCIES = List.of(GOVERNMENT, "哈尔滨市阿城区财政局", "哈尔滨市阿城区教育局",
            "哈尔滨市阿城区卫生健康局", "哈尔滨市阿城区民政局");
    private static final String LIST = "/zwgk/zfxxgknb/index.html";
    /** The rendered reports whose PDFs the column publishes, each report's made unique by a trailing comment. */
    private static final List<String> PDFS = List.of("000_1c606755e92636da", "001_d601352be8b8720b", "002_53e32c99ac2f321c",
            "004_15d564b43078fcdc", "synthetic-fmt2021");

    /** One report of the column. */
    record Entry(String agency, int year, String article, String pdf, String rendered) {

        String title() {
            return agency + year + "年政府信息公开工作年度报告";
        }

        String published() {
            return (year + 1) + "-01-2" + (year % 10);
        }
    }

    private final Content content;
    private final List<Entry> entries = new ArrayList<>();
    private volatile boolean changed;
    private volatile boolean restored;
    private volatile boolean dropped;

    ChangingPortal(String base) {
        content = new Content(SITE, base);
        int n = 0;
        for (int year = 2020; year <= 2023; year++) {
            for (String agency : AGENCIES) {
                String dir = "/zwgk/zfxxgknb/" + (year + 1) + "01/";
                entries.add(new Entry(agency, year, dir + "t" + (year + 1) + "0120_" + (100 + n) + ".html",
                        dir + "P0" + (year + 1) + "0120" + (100 + n) + ".pdf", PDFS.get(n % PDFS.size())));
                n++;
            }
        }
        entries.forEach(e -> content.report(e.agency(), e.year(), e.title(), e.article(), List.of(e.pdf()), List.of(),
                ExpectedReport.Reach.REACHABLE));
    }

    /** The report whose PDF {@link #change()} replaces by a corrected version. */
    Entry corrected() {
        return entries.get(6);
    }

    /** The report {@link #change()} takes down. */
    Entry takenDown() {
        return entries.get(12);
    }

    /** The report {@link #change()} adds. */
    Entry added() {
        return new Entry("哈尔滨市阿城区民政局", 2024, "/zwgk/zfxxgknb/202501/t20250120_200.html",
                "/zwgk/zfxxgknb/202501/P020250120200.pdf", "003_41ae5f6dd78fef43");
    }

    /** The report {@link #drop()} takes off the list. */
    Entry dropped() {
        return entries.get(17);
    }

    void drop() {
        dropped = true;
    }

    void change() {
        changed = true;
    }

    void restore() {
        restored = true;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public Site site(Duration delay) {
        return FixturePortals.site(SITE, GOVERNMENT, content.url("/"), HOST, delay, List.of("政府信息公开年报"));
    }

    @Override
    public Content content() {
        return content;
    }

    @Override
    public Answer answer(Request request) {
        String path = request.path();
        Html.Where where = new Html.Where(GOVERNMENT, HOST, "政府信息公开年报");
        if (path.equals("/robots.txt")) {
            return Answer.text("User-agent: *\nDisallow: /admin/\n");
        }
        if (path.equals("/")) {
            return Answer.html(Html.column("utf-8", new Html.Where(GOVERNMENT, HOST, "首页"),
                    Html.nav("首页", "/", "政府信息公开年报", LIST)));
        }
        if (path.equals(LIST)) {
            List<Html.Link> links = new ArrayList<>();
            listed().forEach(e -> links.add(0, new Html.Link(e.article(), e.title(), e.published())));
            return Answer.html(Html.column("utf-8", where, Html.nav("首页", "/") + Html.list(links)));
        }
        Optional<Entry> entry = published().stream().filter(e -> e.article().equals(path) || e.pdf().equals(path)).findFirst();
        if (entry.isEmpty() || !listed().contains(entry.get()) && !entry.get().equals(dropped())
                || changed && !restored && entry.get().equals(takenDown())) {
            return Answer.notFound();
        }
        Entry e = entry.get();
        if (path.equals(e.pdf())) {
            String rendered = changed && e.equals(corrected()) ? "synthetic-fmt2019" : e.rendered();
            return Answer.ok("application/pdf", unique(Sources.bytes("reports/generated/" + rendered + ".pdf"), e));
        }
        String body = Html.paragraphs("根据《中华人民共和国政府信息公开条例》，现公布" + e.title() + "，详见附件。")
                + Html.attachments(List.of(new Html.Link(e.pdf().substring(e.pdf().lastIndexOf('/') + 1), e.title() + ".pdf", "")));
        return Answer.html(Html.article("utf-8", where, e.title(), e.published(), e.agency(), "11230112-" + e.year(), "zoom", body));
    }

    /** Every report the portal ever publishes. */
    private List<Entry> published() {
        List<Entry> all = new ArrayList<>(entries);
        all.add(added());
        return all;
    }

    /** The reports the list links now, oldest first. */
    private List<Entry> listed() {
        List<Entry> listed = new ArrayList<>(changed ? published() : entries);
        if (dropped) {
            listed.remove(dropped());
        }
        return listed;
    }

    /** A PDF made unique to its report: bytes after %%EOF are ignored by readers, and reports never share a file. */
    private static byte[] unique(byte[] pdf, Entry e) {
        byte[] tail = ("\n% " + e.agency() + " " + e.year() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] result = java.util.Arrays.copyOf(pdf, pdf.length + tail.length);
        System.arraycopy(tail, 0, result, pdf.length, tail.length);
        return result;
    }
}
