package xxgk.archive.url;

import java.util.regex.Pattern;

import crawlercommons.filters.basic.BasicURLNormalizer;

/**
 * The one URL normalisation of a crawl, applied to seeds, links and redirect targets alike: crawler-commons'
 * (lower-case scheme and host, no default port, no {@code ./..}, no fragment, query parameters sorted by name,
 * percent-encoding in one case) plus the removal of session ids, which servlet containers and PHP put into links
 * ({@code ;jsessionid=…} path parameters, {@code jsessionid=}/{@code phpsessid=} query parameters, in any case)
 * and which would otherwise make every visit find a new copy of the whole site. crawler4j takes a
 * {@link BasicURLNormalizer}, hence the subclass. The archive looks URLs up through it too, so that a URL typed
 * with an upper-case host, a fragment or its query in another order finds what the crawl stored.
 */
public final class UrlNormalizer extends BasicURLNormalizer {

    private static final Pattern SESSION_PATH_PARAMETER = Pattern.compile("(?i);(jsessionid|phpsessid|sid)=[^;?#/]*");
    private static final Pattern SESSION_QUERY_PARAMETER =
            Pattern.compile("(?i)(?<=[?&])(jsessionid|phpsessid|aspsessionid\\w*|sessionid)=[^&#]*(&|(?=#)|$)");

    public UrlNormalizer() {
        super(BasicURLNormalizer.newBuilder());
    }

    /** The normalised URL, or null if it is no URL. */
    @Override
    public String filter(String url) {
        if (url == null) {
            return null;
        }
        String withoutSession = SESSION_QUERY_PARAMETER.matcher(SESSION_PATH_PARAMETER.matcher(url).replaceAll("")).replaceAll("");
        return super.filter(withoutSession);
    }
}
