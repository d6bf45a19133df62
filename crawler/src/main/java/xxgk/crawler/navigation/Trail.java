package xxgk.crawler.navigation;

/**
 * Where a URL stands in a focused crawl: its rank (how promising it is, which decides when it is fetched) and the
 * unpromising links that may still be followed from it before a branch is given up. A trail travels with the URL
 * as crawler4j's priority byte, so that the frontier orders URLs best-first and a resumed crawl keeps it.
 *
 * <p>Ranks, highest first: {@link #DOCUMENT} (a document on a promising page), {@link #COLUMN} (the 年报 column
 * and its pages), the configured path's steps ({@link #SEED} is its start), {@link #REPORT} (a link that says 年报),
 * {@link #OPEN} (a link that says 信息公开), then what is inherited, fading with every hop.
 *
 * @param rank     0 to 31
 * @param hopsLeft 0 to 3
 */
public record Trail(int rank, int hopsLeft) {

    public static final int DOCUMENT = 31;
    public static final int COLUMN = 30;
    /** The seed: the start of the path, step 0; step n of the path ranks {@code SEED + n}. */
    public static final int SEED = 20;
    public static final int REPORT = 19;
    public static final int OPEN = 14;

    public Trail {
        if (rank < 0 || rank > DOCUMENT || hopsLeft < 0 || hopsLeft > 3) {
            throw new IllegalArgumentException("no trail " + rank + "/" + hopsLeft);
        }
    }

    /** The trail a URL was scheduled with. */
    public static Trail of(byte priority) {
        int p = Math.max(priority, 0);
        return new Trail(p / 4, p % 4);
    }

    /** The trail of step {@code n} (1..{@link xxgk.config.Site#MAX_PATH_STEPS}) of a path of {@code length} steps. */
    static Trail pathStep(int n, int length) {
        return new Trail(n == length ? COLUMN : SEED + n, Focus.MAX_HOPS);
    }

    /** crawler4j's priority: the frontier fetches higher priorities first. */
    public byte priority() {
        return (byte) (rank * 4 + hopsLeft);
    }

    /** True on a page whose documents and list pages are all worth fetching: the column, the path, a 年报 link. */
    public boolean promising() {
        return rank >= REPORT;
    }

    /** True on the 年报 column or a page a 年报 link led to, whose list pages and records are all fetched. */
    public boolean column() {
        return rank == COLUMN || rank == REPORT;
    }

    /** The path step this URL was reached by (0 for the seed), or -1 when it is not on the configured path. */
    public int pathStep() {
        return rank >= SEED && rank < COLUMN ? rank - SEED : -1;
    }
}
