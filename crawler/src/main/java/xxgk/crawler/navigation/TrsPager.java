package xxgk.crawler.navigation;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The later pages of a TRS WCM (拓尔思) list: {@code index_1.html} … {@code index_{n-1}.html} beside the list page,
 * which the script pager ({@code createPageHTML(n, i, "index", "html")}, {@code createPage(n, …)} or
 * {@code var countPage = n}) writes and no {@code <a>} tag holds.
 */
final class TrsPager implements ListAdapter {

    /** Enough for any report column; a wrong count must not flood the frontier. */
    private static final int MAX_PAGES = 200;
    private static final Pattern CREATE_PAGE_HTML =
            Pattern.compile("createPageHTML\\(\\s*['\"]?(\\d+)['\"]?\\s*,\\s*['\"]?\\d+['\"]?\\s*,\\s*['\"](\\w+)['\"]\\s*,\\s*['\"](\\w+)['\"]");
    private static final Pattern CREATE_PAGE = Pattern.compile("createPage\\(\\s*['\"]?(\\d+)");
    private static final Pattern COUNT_PAGE = Pattern.compile("countPage\\s*=\\s*['\"]?(\\d+)");

    @Override
    public List<DiscoveredLink> links(Document page, String pageUrl) {
        for (Element script : page.select("script")) {
            String code = script.data();
            Matcher html = CREATE_PAGE_HTML.matcher(code);
            if (html.find()) {
                return pages(Integer.parseInt(html.group(1)), html.group(2), html.group(3), pageUrl);
            }
            Matcher other = CREATE_PAGE.matcher(code);
            if (other.find() || (other = COUNT_PAGE.matcher(code)).find()) {
                return pages(Integer.parseInt(other.group(1)), "index", "html", pageUrl);
            }
        }
        return List.of();
    }

    /** Pages 1 to count-1 (page 0 is the list page itself), resolved against the list page. */
    private static List<DiscoveredLink> pages(int count, String name, String extension, String pageUrl) {
        List<DiscoveredLink> pages = new ArrayList<>();
        try {
            URL list = new URL(pageUrl);
            for (int i = 1; i < Math.min(count, MAX_PAGES); i++) {
                pages.add(new DiscoveredLink(new URL(list, name + "_" + i + "." + extension).toString(), "第" + (i + 1) + "页"));
            }
        } catch (MalformedURLException e) {
            return List.of();
        }
        return pages;
    }
}
