package xxgk.crawler.web;

import static xxgk.crawler.web.Html.link;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import xxgk.archive.Archive;
import xxgk.archive.catalog.ChangeListing;
import xxgk.archive.catalog.Report;

/** {@code /}: the archived sites with their reports, how many captures the archive holds, and the latest changes. */
final class HomePage {

    private static final int LATEST = 10;

    private final Archive archive;

    HomePage(Archive archive) {
        this.archive = archive;
    }

    void handle(Context ctx) {
        Map<String, Long> reports = archive.catalog().reports(Optional.empty(), OptionalInt.empty()).stream()
                .collect(Collectors.groupingBy(Report::site, Collectors.counting()));
        StringBuilder body = new StringBuilder("<p>" + archive.captures().count() + " captures, " + reports.values().stream().mapToLong(Long::longValue).sum()
                + " reports.</p><h2>Sites</h2><table><tr><th>site</th><th>reports</th></tr>");
        for (String site : archive.captures().sites()) {
            body.append("<tr><td>").append(link("/reports?site=" + Html.param(site), site)).append("</td><td class=n>")
                    .append(reports.getOrDefault(site, 0L)).append("</td></tr>");
        }
        body.append("</table><h2>Latest changes</h2><ul>");
        List<ChangeListing.Listed> changes = ChangeListing.of(archive.catalog(), archive.parses(), Optional.empty(), Optional.empty());
        for (int i = changes.size() - 1; i >= Math.max(0, changes.size() - LATEST); i--) {
            body.append("<li>").append(ChangePages.describe(changes.get(i))).append("</li>");
        }
        body.append("</ul><p>").append(link("/changes", "all changes")).append(" · ").append(link("/cdx?url=" + Html.param("http://") + "&matchType=prefix", "CDX index")).append("</p>");
        ctx.html(Html.page("Archive of 政府信息公开工作年度报告", body.toString()));
    }
}
