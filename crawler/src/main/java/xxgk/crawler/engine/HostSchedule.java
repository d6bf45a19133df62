package xxgk.crawler.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import okhttp3.HttpUrl;
import xxgk.archive.ArchiveException;
import xxgk.crawler.fetch.HostPoliteness;

/**
 * crawler4j's frontier as one queue per host (Mercator's back queues): a worker asking for work gets the best URL of
 * a host that is due — not asked since its delay ran out, no request to it under way or handed out — so no worker
 * sleeps on one host while another could be asked, and the crawl's best-first order holds within each host. Among
 * due hosts, the one whose best URL ranks highest goes first, then the one due longest.
 *
 * <p>The URLs stay in crawler4j's HSQLDB table (a killed run continues from it), with their host beside them; the
 * heap holds a few numbers per host, never per URL. When a host is due is {@link HostPoliteness}'s to say.
 */
final class HostSchedule implements Frontier {

    private static final String SCHEDULED = "SCHEDULED";

    /** A host's queue as the heap knows it: its size and best priority, and the URL handed out and not yet asked. */
    private static final class HostQueue {
        final String host;
        int scheduled;
        int best = Integer.MIN_VALUE;
        WebURL handedOut;

        HostQueue(String host) {
            this.host = host;
        }
    }

    private final Connection db;
    private final WebURLFactory urls;
    private final HostPoliteness politeness;
    private final Map<String, HostQueue> hosts = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean finished;

    private HostSchedule(String jdbcUrl, WebURLFactory urls, HostPoliteness politeness) throws SQLException {
        this.db = DriverManager.getConnection(jdbcUrl, "sa", "");
        this.urls = urls;
        this.politeness = politeness;
        prepare();
        politeness.onTurnEnded(this::requestEnded);
    }

    /**
     * A queued URL's place in its host's queue, as one ascending number: the best priority (a byte) first, then the
     * order the URLs were found in (their ids).
     */
    static long turn(int priority, int id) {
        return (127L - priority) * (1L << 32) + id;
    }

    /** {@link #turn} in SQL, for a frontier left by a version without it. */
    private static final String TURN = "(127 - priority) * 4294967296 + id";

    /** crawler4j's HSQLDB frontier configuration with this schedule as its frontier. */
    static FrontierConfiguration over(HSQLDBFrontierConfiguration store, String jdbcUrl, HostPoliteness politeness) {
        HostSchedule schedule;
        try {
            schedule = new HostSchedule(jdbcUrl, store.getWebURLFactory(), politeness);
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier cannot be read (" + e.getMessage() + ")", e);
        }
        return new FrontierConfiguration() {
            @Override
            public DocIDServer getDocIDServer() {
                return store.getDocIDServer();
            }

            @Override
            public Frontier getFrontier() {
                return schedule;
            }

            @Override
            public WebURLFactory getWebURLFactory() {
                return store.getWebURLFactory();
            }

            @Override
            public void close() {
                schedule.close();
                store.close();
            }
        };
    }

    /**
     * Adds the host column (a frontier left by an older version has none), forgets URLs a kill left unscheduled, and
     * reads the hosts' queues.
     */
    private void prepare() throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet column = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'WEBURL' AND COLUMN_NAME = 'HOST'")) {
                column.next();
                if (column.getInt(1) == 0) {
                    s.execute("ALTER TABLE weburl ADD COLUMN host varchar(255)");
                }
            }
            try (ResultSet column = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'WEBURL' AND COLUMN_NAME = 'TURN'")) {
                column.next();
                if (column.getInt(1) == 0) {
                    s.execute("ALTER TABLE weburl ADD COLUMN turn bigint");
                }
            }
            // A host's next URL is the first of its queue on this index: read, not sorted out of the whole queue
            // (HSQLDB sorted every URL of the host for each one handed out, 44 ms a URL at 20,000 queued).
            s.execute("CREATE INDEX IF NOT EXISTS idx_host_turn ON weburl (host, status, turn)");
            s.executeUpdate("UPDATE weburl SET turn = " + TURN + " WHERE status = 'SCHEDULED' AND turn IS NULL");
            // On disk, with a bounded cache of rows: the URLs of a large crawl are not held in the heap.
            s.execute("SET TABLE weburl TYPE CACHED");
            // An id given and the scheduling lost to a kill: crawler4j would take the URL for seen and never fetch it.
            // Its page was not done either (done is committed after its links), so it is fetched again and finds it.
            s.executeUpdate("DELETE FROM weburl WHERE status IS NULL");
            try (ResultSet unknown = s.executeQuery("SELECT id, url FROM weburl WHERE status = 'SCHEDULED' AND host IS NULL");
                 PreparedStatement set = db.prepareStatement("UPDATE weburl SET host = ? WHERE id = ?")) {
                while (unknown.next()) {
                    set.setString(1, host(unknown.getString(2)));
                    set.setLong(2, unknown.getLong(1));
                    set.executeUpdate();
                }
            }
            try (ResultSet queues = s.executeQuery("SELECT host, COUNT(*), MAX(priority) FROM weburl WHERE status = 'SCHEDULED' GROUP BY host")) {
                while (queues.next()) {
                    HostQueue queue = queue(queues.getString(1));
                    queue.scheduled = queues.getInt(2);
                    queue.best = queues.getInt(3);
                }
            }
        }
    }

    /** The politeness key of a URL: its host, as OkHttp sends it. */
    static String host(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? "" : parsed.host();
    }

    private HostQueue queue(String host) {
        return hosts.computeIfAbsent(host, HostQueue::new);
    }

    @Override
    public void schedule(WebURL url) {
        scheduleAll(List.of(url));
    }

    @Override
    public void scheduleAll(List<WebURL> batch) {
        if (batch.isEmpty()) {
            return;
        }
        lock.lock();
        try (PreparedStatement ps = db.prepareStatement("UPDATE weburl SET status = ?, parenturl = ?, parentid = ?,"
                + " priority = ?, cdepth = ?, anchor = ?, host = ?, turn = ? WHERE id = ? AND (status IS NULL OR status <> 'SCHEDULED')")) {
            db.setAutoCommit(false); // one synced commit for all the links of a page
            for (WebURL url : batch) {
                String host = host(url.getURL());
                ps.setString(1, SCHEDULED);
                ps.setString(2, url.getParentUrl());
                ps.setInt(3, url.getParentDocid());
                ps.setInt(4, url.getPriority());
                ps.setInt(5, url.getDepth());
                ps.setString(6, url.getAnchor());
                ps.setString(7, host);
                ps.setLong(8, turn(url.getPriority(), url.getDocid()));
                ps.setInt(9, url.getDocid());
                // A URL scheduled again while still queued (crawler4j re-adds a seed it knows) is counted once:
                // the counts here must be the table's, or a worker would look for a URL that is not there.
                if (ps.executeUpdate() == 0) {
                    continue;
                }
                HostQueue queue = queue(host);
                queue.scheduled++;
                queue.best = Math.max(queue.best, url.getPriority());
            }
            db.commit();
            changed.signalAll();
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier did not take " + batch.size() + " URLs (" + e.getMessage() + ")", e);
        } finally {
            autoCommit();
            lock.unlock();
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        }
    }

    /** Waits for a host to be due and hands out its best URL; returns nothing only when the crawl is finished. */
    @Override
    public void getNextURLs(int max, List<WebURL> result) {
        lock.lock();
        try {
            while (!finished) {
                long now = System.nanoTime();
                HostQueue due = null;
                long dueAt = 0;
                long nextReady = Long.MAX_VALUE;
                for (HostQueue queue : hosts.values()) {
                    if (queue.scheduled == 0 || queue.handedOut != null) {
                        continue;
                    }
                    long ready = politeness.readyAt(queue.host);
                    if (ready - now > 0) {
                        nextReady = Math.min(nextReady, ready);
                    } else if (due == null || queue.best > due.best || queue.best == due.best && ready < dueAt) {
                        due = queue;
                        dueAt = ready;
                    }
                }
                if (due != null) {
                    result.add(take(due));
                    return;
                }
                if (nextReady == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(nextReady - now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** The host's best URL, marked in process; the host's next best is then its best. */
    private WebURL take(HostQueue queue) {
        try (PreparedStatement next = db.prepareStatement("SELECT id, url, parentid, parenturl, cdepth, priority, anchor FROM weburl"
                + " WHERE host = ? AND status = 'SCHEDULED' ORDER BY host, status, turn LIMIT 2 USING INDEX");
             PreparedStatement taken = db.prepareStatement("UPDATE weburl SET status = 'IN_PROCESS' WHERE id = ?")) {
            next.setString(1, queue.host);
            WebURL url = null;
            int nextBest = Integer.MIN_VALUE;
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    if (url == null) {
                        url = urls.newWebUrl();
                        url.setDocid(rs.getInt(1));
                        url.setURL(rs.getString(2));
                        url.setParentDocid(rs.getInt(3));
                        url.setParentUrl(rs.getString(4));
                        url.setDepth(rs.getShort(5));
                        url.setPriority(rs.getByte(6));
                        url.setAnchor(rs.getString(7));
                    } else {
                        nextBest = rs.getInt(6);
                    }
                }
            }
            if (url == null) {
                throw new IllegalStateException("the frontier lost the queue of " + queue.host);
            }
            taken.setInt(1, url.getDocid());
            taken.executeUpdate();
            queue.scheduled--;
            queue.best = nextBest;
            queue.handedOut = url;
            return url;
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        }
    }

    /** A request ended: its host is no longer held by the URL handed out for it, and is due after its delay. */
    private void requestEnded(String host) {
        lock.lock();
        try {
            HostQueue queue = hosts.get(host);
            if (queue != null) {
                queue.handedOut = null;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Done with the URL; if it was handed out and never asked (robots.txt, budget, revisit), its host is free again. */
    @Override
    public void setProcessed(WebURL url) {
        lock.lock();
        try (PreparedStatement ps = db.prepareStatement("UPDATE weburl SET status = 'COMPLETED' WHERE id = ?")) {
            ps.setInt(1, url.getDocid());
            ps.executeUpdate();
            HostQueue queue = hosts.get(host(url.getURL()));
            if (queue != null && queue.handedOut == url) {
                queue.handedOut = null;
                changed.signalAll();
            }
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long getQueueLength() {
        return scheduled();
    }

    @Override
    public long getNumberOfAssignedPages() {
        return count("IN_PROCESS");
    }

    @Override
    public long getNumberOfProcessedPages() {
        return count("COMPLETED");
    }

    @Override
    public long getNumberOfScheduledPages() {
        return scheduled();
    }

    /** The URLs waiting, as the hosts' queues count them. */
    private long scheduled() {
        lock.lock();
        try {
            return hosts.values().stream().mapToLong(queue -> queue.scheduled).sum();
        } finally {
            lock.unlock();
        }
    }

    private long count(String status) {
        lock.lock();
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM weburl WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public void finish() {
        lock.lock();
        try {
            finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            db.close();
        } catch (SQLException e) {
            throw new ArchiveException("closing the crawl frontier (" + e.getMessage() + ")", e);
        } finally {
            lock.unlock();
        }
    }
}
