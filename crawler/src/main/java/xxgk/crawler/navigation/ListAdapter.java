package xxgk.crawler.navigation;

import java.util.List;

import org.jsoup.nodes.Document;

/**
 * A reader for one content-management system's list pages: finds the links a CMS hides from plain link
 * extraction, such as records kept in script data or later pages written by a script pager.
 */
public interface ListAdapter {

    /** The hidden links of {@code page}, fetched from {@code pageUrl}; absolute, in page order, possibly none. */
    List<DiscoveredLink> links(Document page, String pageUrl);
}
