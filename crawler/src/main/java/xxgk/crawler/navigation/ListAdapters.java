package xxgk.crawler.navigation;

import java.util.List;

/** The list adapters every crawl runs, one per content-management system habit. */
public final class ListAdapters {

    private static final List<ListAdapter> ALL = List.of(new HanwebDatastore(), new TrsPager(), new ScriptPager());

    private ListAdapters() {}

    /** Every adapter, in the order their links are added. */
    public static List<ListAdapter> all() {
        return ALL;
    }

    /** True for a list servlet that some portals answer only by POST (Hanweb's dataproxy.jsp): refused by GET, it is asked again so. */
    public static boolean asksByPost(String url) {
        return HanwebDatastore.isDataproxy(url);
    }
}
