package xxgk.crawler.navigation;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The numbered list pages ({@code list_2.shtml}, {@code index_3.html}) that a page names only inside script, in a
 * {@code document.write} of the pager or a {@code location.href} assignment.
 */
final class ScriptPager implements ListAdapter {

    /** A quoted relative path ending in a numbered list page; the quote may be escaped inside a JS string. */
    private static final Pattern NUMBERED_PAGE =
            Pattern.compile("['\"]((?:\\.{1,2}/)?[\\w./-]*?\\b(?:list|index)_\\d+\\.s?html?)\\\\?['\"]");

    @Override
    public List<DiscoveredLink> links(Document page, String pageUrl) {
        Set<String> paths = new LinkedHashSet<>();
        for (Element script : page.select("script")) {
            Matcher m = NUMBERED_PAGE.matcher(script.data());
            while (m.find()) {
                paths.add(m.group(1));
            }
        }
        List<DiscoveredLink> links = new ArrayList<>();
        try {
            URL list = new URL(pageUrl);
            for (String path : paths) {
                links.add(new DiscoveredLink(new URL(list, path).toString(), ""));
            }
        } catch (MalformedURLException e) {
            return List.of();
        }
        return links;
    }
}
