package xxgk.crawler.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import xxgk.archive.text.HtmlCharset;

/**
 * An archived page made to stay inside the archive: every URL it would load or lead to — links, frames, images,
 * scripts, stylesheets, form targets, refreshes, CSS {@code url()} — points to {@code /web/<timestamp>/<absolute url>},
 * so following it replays the capture nearest to the page's own. Nothing is left that a browser would fetch from the
 * live web; the replay's Content-Security-Policy stops anything missed.
 */
final class HtmlRewriter {

    /** Elements and their attributes that hold one URL. */
    private static final String[][] URL_ATTRIBUTES = {
            {"a", "href"}, {"area", "href"}, {"link", "href"}, {"img", "src"}, {"script", "src"}, {"iframe", "src"},
            {"frame", "src"}, {"embed", "src"}, {"object", "data"}, {"source", "src"}, {"video", "src"}, {"video", "poster"},
            {"audio", "src"}, {"track", "src"}, {"input", "src"}, {"form", "action"}, {"button", "formaction"},
            {"body", "background"}, {"table", "background"}, {"td", "background"}, {"th", "background"}, {"img", "lowsrc"}};
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)|@import\\s+(['\"])([^'\"]+)\\3");
    private static final Pattern REFRESH = Pattern.compile("(?i)^(\\s*\\d+\\s*[;,]\\s*url\\s*=\\s*)(['\"]?)(.+?)\\2\\s*$");

    private final String timestamp;

    /** @param timestamp the 14 digits of the capture whose page is rewritten: links lead to captures nearest to it */
    HtmlRewriter(String timestamp) {
        this.timestamp = timestamp;
    }

    /** The page, decoded by its charset, rewritten and written out as UTF-8 with the banner first in its body. */
    String page(byte[] body, String contentType, String pageUrl, String bannerHtml) {
        Document doc = Jsoup.parse(HtmlCharset.decode(body, contentType), pageUrl);
        for (String[] ea : URL_ATTRIBUTES) {
            for (Element e : doc.select(ea[0] + "[" + ea[1] + "]")) {
                e.attr(ea[1], archived(e.absUrl(ea[1]), e.attr(ea[1])));
            }
        }
        for (Element e : doc.select("img[srcset], source[srcset]")) {
            e.attr("srcset", Arrays.stream(e.attr("srcset").split(",")).map(String::strip).map(candidate -> {
                String[] parts = candidate.split("\\s+", 2);
                return archived(StringUtil.resolve(e.baseUri(), parts[0]), parts[0]) + (parts.length > 1 ? " " + parts[1] : "");
            }).collect(Collectors.joining(", ")));
        }
        for (Element e : doc.select("[style]")) {
            e.attr("style", css(e.attr("style"), e.baseUri()));
        }
        for (Element e : doc.select("style")) {
            e.empty().appendChild(new DataNode(css(e.data(), e.baseUri())));
        }
        for (Element e : doc.select("meta[http-equiv=refresh][content]")) {
            Matcher m = REFRESH.matcher(e.attr("content"));
            if (m.matches()) {
                e.attr("content", m.group(1) + archived(StringUtil.resolve(e.baseUri(), m.group(3)), m.group(3)));
            }
        }
        // Relative URLs were resolved against it above; left in, it would send the browser to the live site.
        doc.select("base").remove();
        // Written out as UTF-8: a declaration of the page's own charset (GBK) would now be false.
        doc.select("meta[http-equiv~=(?i)content-type]").remove();
        doc.charset(StandardCharsets.UTF_8);
        doc.body().prepend(bannerHtml);
        return doc.outerHtml();
    }

    /** A stylesheet (or a style attribute) with its url()s and @imports inside the archive. */
    String css(String css, String baseUrl) {
        return CSS_URL.matcher(css).replaceAll(m -> {
            boolean url = m.group(2) != null;
            String target = url ? m.group(2) : m.group(4);
            String rewritten = archived(StringUtil.resolve(baseUrl, target.strip()), target);
            return Matcher.quoteReplacement(url ? "url(\"" + rewritten + "\")" : "@import \"" + rewritten + "\"");
        });
    }

    /**
     * Where an absolute http(s) URL is replayed; other URLs (fragments, data:, mailto:, javascript: — inert in the
     * sandbox) stay as written; what cannot be resolved goes nowhere.
     */
    private String archived(String absolute, String asWritten) {
        String scheme = absolute.contains(":") ? absolute.substring(0, absolute.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("http") || scheme.equals("https")) {
            return "/web/" + timestamp + "/" + absolute;
        }
        String written = asWritten.strip().toLowerCase(Locale.ROOT);
        return written.startsWith("#") || written.startsWith("data:") || written.startsWith("mailto:") || written.startsWith("javascript:")
                ? asWritten : "#";
    }
}
