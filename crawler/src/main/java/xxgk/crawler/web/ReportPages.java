package xxgk.crawler.web;

import static xxgk.crawler.web.Html.esc;
import static xxgk.crawler.web.Html.link;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.catalog.ChangeListing;
import xxgk.archive.catalog.Report;
import xxgk.archive.catalog.ReportGrid;
import xxgk.archive.catalog.ReportListing;
import xxgk.archive.catalog.ReportOriginal;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.catalog.ReportVersion;
import xxgk.archive.report.Applicant;
import xxgk.archive.report.CommonFigure;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.Table4;
import xxgk.archive.retrieval.CdxQuery;

/**
 * {@code /reports}: per site an agency × year grid of the reports' standing (on time, late, missing, removed; a mark
 * when a check fails), filtered by {@code site} and {@code year}. {@code /reports/<id>}: one report — metadata,
 * originals with replay and download links, tables 二/三/四 as printed with each cell's source, the checks, versions
 * and changes, and the agency's figures across its years as a chart.
 */
final class ReportPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one ECharts the server hands out, from its WebJar. */
    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final Archive archive;
    private final ReportStatistics statistics;

    ReportPages(Archive archive, ReportStatistics statistics) {
        this.archive = archive;
        this.statistics = statistics;
    }

    void grid(Context ctx) {
        Optional<String> site = Optional.ofNullable(ctx.queryParam("site")).filter(s -> !s.isBlank());
        OptionalInt year = Optional.ofNullable(ctx.queryParam("year")).filter(s -> !s.isBlank()).map(ReportPages::year)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        List<ReportGrid> grids = ReportGrid.of(ReportListing.of(archive.catalog(), statistics, Optional.empty(), OptionalInt.empty()), year)
                .stream().filter(g -> site.isEmpty() || g.site().equals(site.get())).toList();
        StringBuilder body = new StringBuilder("<form method=get>site <input name=site value=\"" + esc(site.orElse(""))
                + "\" size=10> year <input name=year value=\"" + esc(year.isPresent() ? year.getAsInt() : "")
                + "\" size=5> <button>filter</button></form><p><span class=on_time>on time</span> <span class=late>late</span> "
                + "<span class=missing>missing</span> <span class=removed>removed</span> <span class=fail>✗</span> a check fails</p>");
        for (ReportGrid g : grids) {
            body.append("<h2>").append(esc(g.site())).append("</h2><table class=grid><tr><th>agency</th>");
            g.years().forEach(y -> body.append("<th>").append(y).append("</th>"));
            body.append("</tr>");
            for (ReportGrid.Row row : g.rows()) {
                body.append("<tr><td>").append(esc(row.agency())).append("</td>");
                for (int y : g.years()) {
                    ReportGrid.Cell cell = row.cells().get(y);
                    if (cell == null) {
                        body.append("<td></td>");
                        continue;
                    }
                    String state = cell.state().words();
                    body.append("<td class=\"").append(cell.state().name().toLowerCase(Locale.ROOT)).append("\">")
                            .append(cell.report().map(r -> link("/reports/" + r.id(), state)).orElse(esc(state)))
                            .append(cell.checkFails() ? " <span class=fail title=\"a consistency check fails\">✗</span>" : "").append("</td>");
                }
                body.append("</tr>");
            }
            body.append("</table>");
        }
        if (grids.isEmpty()) {
            body.append("<p>No reports").append(site.map(s -> " of site " + esc(s)).orElse("")).append(".</p>");
        }
        ctx.html(Html.page("Reports", body.toString()));
    }

    void report(Context ctx) {
        String id = ctx.pathParam("id");
        List<ReportListing.Listed> siteReports = ReportListing.of(archive.catalog(), statistics, Optional.of(id.split("/")[0]), OptionalInt.empty());
        ReportListing.Listed listed = siteReports.stream().filter(l -> l.report().id().equals(id)).findFirst()
                .orElseThrow(() -> new ArchiveException("no report " + id + " in the archive (see /reports)"));
        Report r = listed.report();
        StringBuilder body = new StringBuilder("<table>");
        row(body, "agency", esc(r.agency()));
        row(body, "year", esc(r.year()));
        row(body, "title", esc(r.title()));
        row(body, "site", esc(r.site()));
        row(body, "published", esc(r.published().map(Object::toString).orElse("-")) + " <small>(" + esc(r.publishedSource()) + ")</small>");
        row(body, "publisher", esc(r.publisher()));
        row(body, "status", esc(r.status().name().toLowerCase(Locale.ROOT))
                + r.removedAt().map(x -> " " + esc(x.at()) + " — " + esc(x.evidence())).orElse(""));
        row(body, "article", r.articleUrl().map(u -> link(replay(r, u, false), u)).orElse("-"));
        row(body, "id", esc(r.id()));
        body.append("</table><h2>Originals</h2><table><tr><th>format</th><th>URL</th><th></th><th>SHA-256</th></tr>");
        for (ReportOriginal o : r.originals()) {
            body.append("<tr><td>").append(esc(o.format())).append("</td><td>").append(link(replay(r, o.url(), false), o.url()))
                    .append("</td><td>").append(link(replay(r, o.url(), true), "download")).append("</td><td><small>")
                    .append(esc(o.sha256())).append("</small></td></tr>");
        }
        body.append("</table>");
        listed.parsed().ifPresentOrElse(p -> tables(body, r, p), () -> body.append("<p>No tables were read from this report.</p>"));
        versions(body, r);
        changes(body, r);
        chart(body, r, siteReports);
        ctx.html(Html.page(r.title(), body.toString()));
    }

    private static void row(StringBuilder body, String name, String valueHtml) {
        body.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    /** The replay (or the original bytes) of an original as the report's latest version of it holds it. */
    private static String replay(Report r, String url, boolean original) {
        Instant at = r.versions().stream().filter(v -> v.url().equals(url)).map(ReportVersion::lastSeen).max(Instant::compareTo).orElse(Instant.now());
        return "/web/" + CdxQuery.TIMESTAMP.format(at) + (original ? "id_" : "") + "/" + url;
    }

    /** Tables 二, 三 and 四 as printed, each cell focusable with its source; the checks. */
    private static void tables(StringBuilder body, Report r, ReportStatistics.Parsed parsed) {
        JsonNode result = parsed.result();
        JsonNode sources = result.path("sources");
        JsonNode tables = result.path("tables");
        body.append("<h2>Tables</h2><p>Read from ").append(link(replay(r, parsed.original().url(), false), parsed.original().url()))
                .append(" (").append(esc(result.path("format").asText())).append("). Point at or click a number to see where it was read:</p><div id=provenance></div>");
        body.append("<h3>二、主动公开政府信息情况</h3><table id=table2>");
        for (JsonNode item : tables.path("table2")) {
            body.append("<tr><th>").append(esc(item.path("item").asText())).append("</th>");
            for (int i = 0; i < item.path("values").size(); i++) {
                cell(body, item.path("values").get(i), sources.path("t2_" + item.path("item").asText() + "_" + (i + 1)));
            }
            body.append("</tr>");
        }
        body.append("</table><h3>三、收到和处理政府信息公开申请情况</h3><table id=table3><tr><th></th>");
        Applicant.APPLICANTS.forEach(a -> body.append("<th>").append(esc(a.label())).append("</th>"));
        body.append("<th>总计</th></tr>");
        for (Table3Key key : Table3Key.values()) {
            JsonNode values = tables.path("table3").path(key.key());
            if (values.isMissingNode()) {
                continue;
            }
            body.append("<tr><th>").append(esc(key.label())).append("</th>");
            for (Applicant a : Applicant.values()) {
                cell(body, values.get(a.ordinal()), sources.path("t3_" + key.key() + "_" + a.label()));
            }
            body.append("</tr>");
        }
        body.append("</table>");
        if (tables.path("table4").isArray()) {
            body.append("<h3>四、政府信息公开行政复议、行政诉讼情况</h3><table id=table4><tr>");
            Table4.BLOCKS.forEach(b -> body.append("<th colspan=").append(Table4.OUTCOMES.size()).append(">").append(esc(b)).append("</th>"));
            body.append("</tr><tr>");
            Table4.BLOCKS.forEach(b -> Table4.OUTCOMES.forEach(o -> body.append("<th>").append(esc(o)).append("</th>")));
            body.append("</tr><tr>");
            for (int i = 0; i < Table4.SIZE; i++) {
                cell(body, tables.path("table4").get(i), sources.path("t4_" + (i + 1)));
            }
            body.append("</tr></table>");
        }
        body.append("<h2>Checks</h2><table><tr><th>check</th><th>status</th><th>expected</th><th>actual</th></tr>");
        for (JsonNode c : result.path("checks")) {
            boolean fail = c.path("status").asText().equals("FAIL");
            body.append("<tr><td>").append(esc(c.path("id").asText())).append("</td><td").append(fail ? " class=fail" : "").append(">")
                    .append(esc(c.path("status").asText())).append("</td><td>").append(esc(c.path("expected").asText()))
                    .append("</td><td>").append(esc(c.path("actual").asText())).append("</td></tr>");
        }
        body.append("</table>");
        for (JsonNode w : result.path("warnings")) {
            body.append("<p><b>warning</b> ").append(esc(w.path("id").asText())).append(": ").append(esc(w.path("message").asText())).append("</p>");
        }
        // The application's own page may run its own script: a click shows a cell's source for those who cannot hover.
        body.append("<script>document.querySelectorAll('.cell').forEach(c=>{const show=()=>document.getElementById('provenance')"
                + ".textContent=c.dataset.source;c.addEventListener('click',show);c.addEventListener('focus',show);});</script>");
    }

    private static void cell(StringBuilder body, JsonNode value, JsonNode source) {
        String where = source.isMissingNode() ? "source not recorded" : source.asText();
        body.append("<td class=\"cell n\" tabindex=0 title=\"").append(esc(where)).append("\" data-source=\"").append(esc(where)).append("\">")
                .append(value == null || value.isNull() ? "" : esc(value.asText())).append("</td>");
    }

    private static void versions(StringBuilder body, Report r) {
        body.append("<h2>Versions</h2><table><tr><th>URL</th><th>first seen</th><th>last seen</th><th>SHA-256</th></tr>");
        for (ReportVersion v : r.versions()) {
            body.append("<tr><td>").append(link("/web/" + CdxQuery.TIMESTAMP.format(v.firstSeen()) + "/" + v.url(), v.url())).append("</td><td>")
                    .append(esc(v.firstSeen())).append("</td><td>").append(esc(v.lastSeen())).append("</td><td><small>").append(esc(v.sha256()))
                    .append("</small></td></tr>");
        }
        body.append("</table>");
    }

    private void changes(StringBuilder body, Report r) {
        body.append("<h2>Changes</h2><ul>");
        for (ChangeListing.Listed c : ChangeListing.of(archive.catalog(), archive.parses(), Optional.empty(), Optional.of(r.site()))) {
            if (c.change().report().equals(r.id())) {
                body.append("<li>").append(ChangePages.describe(c)).append("</li>");
            }
        }
        body.append("</ul>");
    }

    /** The agency's common figures over its years, an ECharts line chart. */
    private static void chart(StringBuilder body, Report r, List<ReportListing.Listed> siteReports) {
        List<ReportListing.Listed> theirs = siteReports.stream().filter(l -> l.report().agency().equals(r.agency()) && l.report().year() > 0)
                .sorted(Comparator.comparingInt(l -> l.report().year())).toList();
        ObjectNode data = JSON.createObjectNode();
        ArrayNode years = data.putArray("years");
        ObjectNode series = data.putObject("series");
        theirs.forEach(l -> years.add(l.report().year()));
        for (CommonFigure f : CommonFigure.values()) {
            ArrayNode values = series.putArray(f.id());
            theirs.forEach(l -> {
                JsonNode v = l.parsed().map(p -> p.result().path("commonFigures").path(f.id()).path("value")).orElse(null);
                if (v == null || v.isMissingNode()) {
                    values.addNull();
                } else {
                    values.add(v.asLong());
                }
            });
        }
        // JSON in a script element: "</" would end it.
        String json = data.toString().replace("</", "<\\/");
        body.append("<h2>").append(esc(r.agency())).append(" year over year</h2><div id=chart></div><script src=\"").append(ECHARTS)
                .append("\"></script><script>const d=").append(json).append(";echarts.init(document.getElementById('chart')).setOption({"
                        + "tooltip:{trigger:'axis'},legend:{},xAxis:{type:'category',data:d.years},yAxis:{type:'value',minInterval:1},"
                        + "series:Object.keys(d.series).map(k=>({name:k,type:'line',connectNulls:true,data:d.series[k]}))});</script>");
    }

    private static int year(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year '" + text + "' is not a year (e.g. 2021)");
        }
    }
}
