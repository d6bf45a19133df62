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
}
