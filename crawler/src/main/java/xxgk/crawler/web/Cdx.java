package xxgk.crawler.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;
import xxgk.archive.retrieval.CdxQuery;

/**
 * {@code /cdx}: the CDX server API as pywb and OutbackCDX answer it — {@code url}, {@code matchType}
 * (exact, prefix, host), {@code from}, {@code to}, {@code limit}; with {@code output=json} one JSON object per line,
 * else space-separated CDX lines (urlkey timestamp url mime status digest length).
 */
final class Cdx {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 10_000;

    private final CdxQuery query;

    Cdx(CdxQuery query) {
        this.query = query;
    }

    void handle(Context ctx) {
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("/cdx needs url=, e.g. /cdx?url=http://www.harbin.gov.cn/&matchType=prefix&output=json");
        }
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(Cdx::limit).orElse(DEFAULT_LIMIT);
        List<CdxQuery.Line> lines = query.lines(url, CdxQuery.MatchType.parse(Optional.ofNullable(ctx.queryParam("matchType")).orElse("exact")),
                Optional.ofNullable(ctx.queryParam("from")), Optional.ofNullable(ctx.queryParam("to")), limit);
        boolean json = "json".equals(ctx.queryParam("output"));
        ctx.contentType(json ? "application/x-ndjson; charset=utf-8" : "text/plain; charset=utf-8")
                .result(lines.stream().map(l -> (json ? json(l) : text(l)) + "\n").collect(Collectors.joining()));
    }

    private static String json(CdxQuery.Line l) {
        ObjectNode o = JSON.createObjectNode().put("urlkey", l.urlkey()).put("timestamp", l.timestamp()).put("url", l.url())
                .put("mime", l.mime()).put("status", String.valueOf(l.status())).put("digest", l.digest())
                .put("length", String.valueOf(l.length()));
        return o.toString();
    }

    private static String text(CdxQuery.Line l) {
        return String.join(" ", l.urlkey(), l.timestamp(), l.url(), l.mime(), String.valueOf(l.status()), l.digest(), String.valueOf(l.length()));
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("limit '" + text + "' is not a positive number");
    }
}
