package xxgk.crawler.navigation;

/** A link a {@link ListAdapter} found on a list page: an absolute URL and the text a reader would click. */
public record DiscoveredLink(String url, String anchorText) {}
