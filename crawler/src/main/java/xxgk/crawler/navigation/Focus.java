package xxgk.crawler.navigation;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * How one site's crawl chooses the links it follows, and in which order: best-first towards the 年报 column.
 *
 * <ul>
 * <li>A link whose text matches a later step of the site's {@link ColumnPath}, on a page reached along that path,
 * goes on the path; the last step is the column.</li>
 * <li>On a promising page (the column, a path step, a page a 年报 link led to) documents come first and frames are
 * as promising as the page; so are a column's own list pages and records — its pager, what its {@link ListAdapter}s
 * found, the pages under its directory.</li>
 * <li>Elsewhere a link is judged by its {@link LinkScent}: a 年报 or 信息公开 link starts a fresh trail; other links
 * inherit a fading rank and one hop fewer, and a branch ends when its hops run out; an unrelated section (news,
 * interaction, services) gets its landing page only.</li>
 * </ul>
 *
 * It also remembers the furthest path step reached, to say where the path was lost.
 */
public final class Focus {

    /** Unpromising links followed in a row before a branch is given up. */
    static final int MAX_HOPS = 2;
    private static final int FADE = 4;
    private static final int HINT_BONUS = 2;
    private static final int OPEN_BONUS = 3;
    private static final Pattern PAGER = Pattern.compile("\\d{1,4}|[上下前后]一?页|尾页|末页|>>?|»|›|next|prev");
    private static final Pattern INDEX_PAGE = Pattern.compile("(?i)(index|list|default)[\\w-]*\\.\\w+");

    private final ColumnPath path;
    private final AtomicReference<Reached> reached = new AtomicReference<>(new Reached(0, null));

    /** The furthest path step a link led to, and that link's URL. */
    private record Reached(int step, String page) {}

    public Focus(ColumnPath path) {
        this.path = path;
    }

    /** The trail of a seed, which the path starts from. */
    public static Trail seed() {
        return new Trail(Trail.SEED, MAX_HOPS);
    }

    /** How a link was found on its page. */
    public enum Via {
        /** An anchor or image-map area. */
        ANCHOR,
        /** A frame or iframe: part of the page it is on. */
        FRAME,
        /** A {@link ListAdapter}: a record or later page of the list the page shows. */
        LIST
    }

    /** The trail of a link found on a page, or empty when the link is not worth a request. */
    public Optional<Trail> follow(Trail page, String pageUrl, String url, String anchor, Via via) {
        int step = page.pathStep();
        if (step >= 0 && path.length() > 0) {
            int n = path.nextMatch(step, anchor);
            if (n > 0) {
                reached.accumulateAndGet(new Reached(n, url), (a, b) -> b.step() > a.step() ? b : a);
                return Optional.of(Trail.pathStep(n, path.length()));
            }
        }
        if (LinkScent.pointsToDocument(url)) {
            // A document costs one request and leads nowhere: it spends no hop.
            return Optional.of(page.promising() ? new Trail(Trail.DOCUMENT, 0) : page);
        }
        if ((page.promising() && via == Via.FRAME) || page.column() && continuesColumn(pageUrl, url, anchor, via)) {
            return Optional.of(page);
        }
        return switch (LinkScent.of(anchor, url)) {
            case REPORT -> Optional.of(new Trail(Trail.REPORT, MAX_HOPS));
            case OPEN -> Optional.of(better(new Trail(Trail.OPEN, 1), inherited(page, OPEN_BONUS)));
            case UNRELATED -> page.hopsLeft() > 0 ? Optional.of(new Trail(0, 0)) : Optional.empty();
            case HINT -> Optional.ofNullable(inherited(page, HINT_BONUS));
            case NONE -> Optional.ofNullable(inherited(page, 0));
        };
    }

    /** True for the column's own list pages and records: what its list adapters found, its pager, its directory. */
    private static boolean continuesColumn(String pageUrl, String url, String anchor, Via via) {
        return via == Via.LIST || PAGER.matcher(anchor == null ? "" : anchor.strip().toLowerCase(Locale.ROOT)).matches()
                || underColumn(pageUrl, url);
    }

    /** Where a site's path was lost: the step no page led to, and the page of the step before (empty: the seed). */
    public record Lost(String step, Optional<String> page) {}

    /** Where the path was lost, when the site names one and the crawl did not reach its last step. */
    public Optional<Lost> lostAt() {
        Reached r = reached.get();
        if (r.step() >= path.length()) {
            return Optional.empty();
        }
        return Optional.of(new Lost(path.step(r.step() + 1), Optional.ofNullable(r.page())));
    }

    /** A link with nothing to say for itself: the page's rank faded, one hop fewer; null when no hop is left. */
    private static Trail inherited(Trail page, int bonus) {
        if (page.hopsLeft() == 0) {
            return null;
        }
        int rank = Math.max(1, Math.min(page.rank(), Trail.REPORT) - FADE + bonus);
        return new Trail(rank, page.hopsLeft() - 1);
    }

    private static Trail better(Trail own, Trail inherited) {
        return inherited != null && inherited.priority() > own.priority() ? inherited : own;
    }

    /**
     * True when the page is a directory's index (a column's list page) below the site root, and url lies in that
     * directory: the column's later pages and its articles in CMSs that keep them there (TRS's ./202401/t….html).
     */
    private static boolean underColumn(String pageUrl, String url) {
        try {
            URI page = URI.create(pageUrl);
            URI link = URI.create(url);
            String path = Objects.requireNonNullElse(page.getRawPath(), "");
            int slash = path.lastIndexOf('/');
            String file = path.substring(slash + 1);
            if (slash <= 0 || !(file.isEmpty() || INDEX_PAGE.matcher(file).matches())) {
                return false;
            }
            return Objects.equals(page.getRawAuthority(), link.getRawAuthority())
                    && Objects.requireNonNullElse(link.getRawPath(), "").startsWith(path.substring(0, slash + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
