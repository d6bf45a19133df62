package xxgk.crawler.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import xxgk.archive.ArchiveException;
import xxgk.archive.retrieval.CdxQuery;
import xxgk.archive.retrieval.RequestedTime;
import xxgk.archive.retrieval.Retrieval;
import xxgk.archive.store.BlobStore;
import xxgk.archive.store.Capture;
import xxgk.archive.text.HtmlCharset;

/**
 * Wayback-style replay: {@code /web/<timestamp>/<url>} the capture of url nearest to the timestamp (1–14 digits, UTC),
 * an HTML page rewritten to stay in the archive under a banner; {@code /web/<timestamp>id_/<url>} its original bytes
 * with the original Content-Type (pywb's convention); {@code /web/*}{@code /<url>} the URL's captures. Replayed content
 * is served with {@code Content-Security-Policy: sandbox}: no script runs and it has an origin of its own, so it
 * cannot act in the application's; its sources are limited to the archive itself.
 */
final class Replay {

    /** No scripts, a unique origin; nothing loaded from anywhere but this server (the archive). */
    static final String POLICY = "sandbox; default-src 'self' data: 'unsafe-inline'; script-src 'none'; object-src 'none'";

    private static final Pattern TARGET = Pattern.compile("/web/(\\d{1,14}|\\*)(id_)?/(.+)");
    private static final Pattern FOLDED_SCHEME = Pattern.compile("(?i)^(https?):/+(.*)");

    private final Retrieval retrieval;
    private final BlobStore blobs;

    Replay(Retrieval retrieval, BlobStore blobs) {
        this.retrieval = retrieval;
        this.blobs = blobs;
    }

    void handle(Context ctx) throws IOException {
        String query = ctx.req().getQueryString();
        Matcher m = TARGET.matcher(ctx.req().getRequestURI());
        if (!m.matches()) {
            throw new IllegalArgumentException("a replay is asked as /web/<timestamp>/<url>, e.g. /web/2024/http://www.harbin.gov.cn/");
        }
        String url = typedUrl(m.group(3)) + (query == null ? "" : "?" + query);
        if (m.group(1).equals("*")) {
            captures(ctx, url);
            return;
        }
        Capture chosen = retrieval.chosen(url, Optional.of(RequestedTime.parse(m.group(1), ZoneOffset.UTC)), Retrieval.Choice.NEAREST);
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        String timestamp = CdxQuery.TIMESTAMP.format(chosen.fetchedAt());
        if (m.group(2) == null && chosen.redirect()) {
            ctx.redirect("/web/" + timestamp + "/" + chosen.finalUrl());
            return;
        }
        Capture content = retrieval.content(chosen);
        byte[] body;
        try (InputStream in = blobs.open(content.sha256())) {
            body = in.readAllBytes();
        }
        String type = content.contentType().isEmpty() ? "application/octet-stream" : content.contentType();
        String media = type.toLowerCase(Locale.ROOT);
        if (m.group(2) != null) {
            ctx.status(content.status()).contentType(type).result(body);
        } else if (media.startsWith("text/html") || media.startsWith("application/xhtml")) {
            ctx.status(content.status()).contentType("text/html; charset=utf-8")
                    .result(new HtmlRewriter(timestamp).page(body, content.contentType(), content.url(), banner(chosen, timestamp)));
        } else if (media.startsWith("text/css")) {
            ctx.status(content.status()).contentType("text/css; charset=utf-8")
                    .result(new HtmlRewriter(timestamp).css(HtmlCharset.decode(body, content.contentType()), content.url()));
        } else {
            ctx.status(content.status()).contentType(type).result(body);
        }
    }

    /**
     * The URL as the browser sent it after /web/…/: a server may fold the "//" after the scheme into one, and a URL
     * typed without a scheme is taken as http.
     */
    private static String typedUrl(String rest) {
        Matcher folded = FOLDED_SCHEME.matcher(rest);
        return folded.matches() ? folded.group(1) + "://" + folded.group(2) : "http://" + rest;
    }

    /** What the archive holds of this page, on top of the replayed page: when it was captured, and its other captures. */
    private static String banner(Capture chosen, String timestamp) {
        String style = "all:initial;display:block;font:13px/1.6 sans-serif;background:#8b1a1a;color:#fff;padding:4px 10px;";
        String a = "all:initial;font:inherit;color:#fff;text-decoration:underline;cursor:pointer;margin-left:1em";
        return "<div id=\"xxgk-banner\" style=\"" + style + "\">xxgk archive · " + Html.esc(chosen.url()) + " · captured "
                + Html.esc(chosen.fetchedAt().toString()) + (chosen.revisit() ? " (unchanged since an earlier capture)" : "")
                + "<a style=\"" + a + "\" href=\"/web/*/" + Html.esc(chosen.url()) + "\">other captures</a>"
                + "<a style=\"" + a + "\" href=\"/web/" + timestamp + "id_/" + Html.esc(chosen.url()) + "\">original bytes</a>"
                + "<a style=\"" + a + "\" href=\"/\">xxgk home</a></div>";
    }

    /** Every capture of the URL with its replay link. */
    private void captures(Context ctx, String url) {
        List<Capture> history = retrieval.history(url);
        StringBuilder rows = new StringBuilder("<table><tr><th>captured (UTC)</th><th>status</th><th>kind</th><th>type</th><th>size</th><th>SHA-256</th></tr>");
        for (Capture c : history) {
            String ts = CdxQuery.TIMESTAMP.format(c.fetchedAt());
            rows.append("<tr><td>").append(Html.link("/web/" + ts + "/" + c.url(), c.fetchedAt())).append("</td><td>").append(c.status())
                    .append("</td><td>").append(c.revisit() ? "revisit" : "response").append("</td><td>").append(Html.esc(c.contentType()))
                    .append("</td><td class=n>").append(c.size()).append("</td><td><small>").append(Html.esc(c.sha256())).append("</small></td></tr>");
        }
        ctx.html(Html.page("Captures of " + url, "<p>" + history.size() + " captures, oldest first.</p>" + rows + "</table>"));
    }

    /** A URL never archived: said on a page, with status 404. */
    static void notArchived(ArchiveException e, Context ctx) {
        ctx.status(404).html(Html.page("Not in the archive", "<p>" + Html.esc(e.getMessage()) + "</p>"));
    }
}
