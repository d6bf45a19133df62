package xxgk.crawler.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

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
 * due hosts, the one whose best URL ranks highest goes first, then the one due longest. A host without a delay may
 * have its next URL handed out while its request is under way: that worker prepares its request and waits for the
 * host's turn, so that the host's requests follow each other back to back. A seed's host is opened first (its
 * robots.txt read, off the workers) and handed out once it is, so that a crawl of many hosts starts them all at once
 * instead of a worker waiting out each one's delay between its robots.txt and its seed.
 *
 * <p>The URLs stay in crawler4j's HSQLDB table (a killed run continues from it), with their host beside them. A host's
 * next few URLs are read from it together and handed out from the heap: a small buffer per host, the head of its
 * queue in the table's order (a better URL found meanwhile goes into it in its place, and the worst fall back to the
 * table when it is full), under a bound on all buffers together, so that memory does not grow with the hosts. A URL
 * stays scheduled in the table until it is done: handed out and not done, a killed run hands it out again. When a
 * host is due is {@link HostPoliteness}'s to say. The hosts are kept in order of when they are due, so a worker finds
 * the next in O(log hosts); one worker at a time waits for the next due time, the others until there is work, and a
 * host becoming due wakes one worker. The schedule's lock covers that bookkeeping only: the table is read and written
 * outside it.
 */
final class HostSchedule implements Frontier {

    private static final String SCHEDULED = "SCHEDULED";
    /**
     * A host's URLs buffered at most, read from the table together; they are announced together, for what is known of
     * them to be looked up in one go.
     */
    private static final int LOOKAHEAD = 16;
    /** URLs buffered for all hosts together at most (a few hundred bytes each); past it a host reads one at a time. */
    static final int BUFFERED = 4096;

    /** A host's queue as the heap knows it. */
    private static final class HostQueue {
        final String host;
        /** Its URLs scheduled and not handed out, in the buffer and in the table. */
        int scheduled;
        /**
         * The head of its queue by {@link #turn}: exactly its URLs scheduled and not handed out whose turn is up to the
         * horizon. The others are in the table only.
         */
        final TreeMap<Long, WebURL> buffer = new TreeMap<>();
        long horizon = Long.MIN_VALUE;
        /** The best priority of its URLs in the table only, or better. */
        int tableBest = Integer.MIN_VALUE;
        /** URLs handed out whose request has not ended yet, oldest first. */
        final ArrayDeque<WebURL> out = new ArrayDeque<>(2);
        /** A worker is reading its next URLs from the table: no other may until it is done. */
        boolean taking;
        /** URLs scheduled while a worker was reading (the table may have been read before they came). */
        final List<WebURL> arrivedWhileTaking = new ArrayList<>();
        /** Where the host waits for its turn, or null when it has nothing to hand out now. */
        Place place;
        /** Its opening was begun (it has had a seed), or it needed none; while opening it is not handed out. */
        boolean begun;
        boolean opening;

        HostQueue(String host) {
            this.host = host;
        }

        int best() {
            int head = buffer.isEmpty() ? Integer.MIN_VALUE : priority(buffer.firstKey());
            return scheduled > buffer.size() ? Math.max(head, tableBest) : head;
        }
    }

    /**
     * What a host needs before its first URL is handed out, begun when its first seed is scheduled; done is run once it
     * is done, whether it succeeded or not.
     */
    interface Opening {
        void open(String seed, Runnable done);
    }

    /** URLs read from a host's queue in the table, and the turn up to which the table has no other. */
    private record Read(List<WebURL> urls, long horizon) {}

    /** A host's place in the order of hosts waiting to be due, or of those due. */
    private record Place(HostQueue queue, int best, long readyAt, long sequence) {}

    private static final Comparator<Place> BY_DUE_TIME = Comparator.comparingLong(Place::readyAt).thenComparingLong(Place::sequence);
    private static final Comparator<Place> BEST_FIRST = Comparator.comparingInt(Place::best).reversed()
            .thenComparingLong(Place::readyAt).thenComparingLong(Place::sequence);

    private final Connection db;
    /** Held while the table is read or written: one connection, one statement at a time. */
    private final ReentrantLock table = new ReentrantLock();
    /** Ids of URLs done and not yet marked so in the table. */
    private final ConcurrentLinkedQueue<Integer> completed = new ConcurrentLinkedQueue<>();
    /**
     * Ids of URLs handed out and not yet marked done in the table, where they are still scheduled (not read again),
     * with their host's queue.
     */
    private final Map<Integer, HostQueue> handedOut = new ConcurrentHashMap<>();
    private final PreparedStatement nextOfHost;
    private final PreparedStatement markCompleted;
    private final PreparedStatement markScheduled;
    private final WebURLFactory urls;
    private final HostPoliteness politeness;
    private final Consumer<List<String>> upcoming;
    private final Opening opening;
    private final Map<String, HostQueue> hosts = new HashMap<>();
    private final TreeSet<Place> waiting = new TreeSet<>(BY_DUE_TIME);
    private final TreeSet<Place> due = new TreeSet<>(BEST_FIRST);
    private final ReentrantLock lock = new ReentrantLock();
    /** The one worker waiting for the earliest due time. */
    private final Condition leaderWakes = lock.newCondition();
    /** The workers waiting for work. */
    private final Condition followersWake = lock.newCondition();
    private boolean leading;
    private long leaderUntil;
    private int following;
    private long sequence;
    private long queued;
    private int buffered;
    private volatile boolean finished;

    private HostSchedule(String jdbcUrl, WebURLFactory urls, HostPoliteness politeness, Consumer<List<String>> upcoming,
                         Opening opening) throws SQLException {
        this.db = DriverManager.getConnection(jdbcUrl, "sa", "");
        this.urls = urls;
        this.politeness = politeness;
        this.upcoming = upcoming;
        this.opening = opening;
        prepare();
        this.nextOfHost = db.prepareStatement("SELECT id, url, parentid, parenturl, cdepth, priority, anchor, turn FROM weburl"
                + " WHERE host = ? AND turn > ? AND status = 'SCHEDULED' ORDER BY host, turn LIMIT ? USING INDEX");
        this.markCompleted = db.prepareStatement("UPDATE weburl SET status = 'COMPLETED' WHERE id = ?");
        this.markScheduled = db.prepareStatement("UPDATE weburl SET status = ?, parenturl = ?, parentid = ?,"
                + " priority = ?, cdepth = ?, anchor = ?, host = ?, turn = ? WHERE id = ? AND (status IS NULL OR status <> 'SCHEDULED')");
        lock.lock();
        try {
            long now = System.nanoTime();
            hosts.values().forEach(queue -> place(queue, now));
        } finally {
            lock.unlock();
        }
        politeness.onTurnEnded(this::requestEnded);
    }

    /**
     * A queued URL's place in its host's queue, as one ascending number: the best priority (a byte) first, then the
     * order the URLs were found in (their ids).
     */
    static long turn(int priority, int id) {
        return (127L - priority) * (1L << 32) + id;
    }

    private static long turn(WebURL url) {
        return turn(url.getPriority(), url.getDocid());
    }

    /** The priority of a {@link #turn}. */
    private static int priority(long turn) {
        return (int) (127 - (turn >> 32));
    }

    /** {@link #turn} in SQL, for a frontier left by a version without it. */
    private static final String TURN = "(127 - priority) * 4294967296 + id";

    /**
     * crawler4j's HSQLDB frontier configuration with this schedule as its frontier; upcoming is told the URLs a host
     * will hand out next, a few at a time, before the first of them is handed out; opening opens a seed's host.
     */
    static FrontierConfiguration over(HSQLDBFrontierConfiguration store, String jdbcUrl, HostPoliteness politeness,
                                      Consumer<List<String>> upcoming, Opening opening) {
        HostSchedule schedule;
        try {
            schedule = new HostSchedule(jdbcUrl, store.getWebURLFactory(), politeness, upcoming, opening);
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier cannot be read (" + e.getMessage() + ")", e);
        }
        FrontierDocIds docIds = new FrontierDocIds(jdbcUrl);
        return new FrontierConfiguration() {
            @Override
            public DocIDServer getDocIDServer() {
                return docIds;
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
                docIds.close();
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
            // A host's next URLs are the first of its queue on this index: read, not sorted out of the whole queue
            // (HSQLDB sorted every URL of the host for each one handed out, 44 ms a URL at 20,000 queued). The status
            // is in no index, so that marking a URL done, once for every URL, moves no index entry; the done URLs of
            // a host are behind its horizon, not read through.
            s.execute("DROP INDEX idx_host_turn IF EXISTS");
            s.execute("DROP INDEX idx_status IF EXISTS");
            s.execute("CREATE INDEX IF NOT EXISTS idx_host_queue ON weburl (host, turn)");
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
                    queue.tableBest = queues.getInt(3);
                    queued += queue.scheduled;
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

    /** The URLs go into the table at once (one commit for all the links of a page), then into their hosts' counts. */
    @Override
    public void scheduleAll(List<WebURL> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<WebURL> added = new ArrayList<>(batch.size());
        List<String> addedHosts = new ArrayList<>(batch.size());
        table.lock();
        try {
            completePending();
            db.setAutoCommit(false);
            try {
                for (WebURL url : batch) {
                    String host = host(url.getURL());
                    markScheduled.setString(1, SCHEDULED);
                    markScheduled.setString(2, url.getParentUrl());
                    markScheduled.setInt(3, url.getParentDocid());
                    markScheduled.setInt(4, url.getPriority());
                    markScheduled.setInt(5, url.getDepth());
                    markScheduled.setString(6, url.getAnchor());
                    markScheduled.setString(7, host);
                    markScheduled.setLong(8, turn(url.getPriority(), url.getDocid()));
                    markScheduled.setInt(9, url.getDocid());
                    // A URL scheduled again while still queued (crawler4j re-adds a seed it knows) is counted once:
                    // the counts here must be the table's, or a worker would look for a URL that is not there.
                    if (markScheduled.executeUpdate() > 0) {
                        added.add(url);
                        addedHosts.add(host);
                    }
                }
                db.commit();
            } finally {
                autoCommit();
            }
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier did not take " + batch.size() + " URLs (" + e.getMessage() + ")", e);
        } finally {
            table.unlock();
        }
        // Counted once in the table: a worker that finds a host's queue counted finds its URLs there.
        List<String> buffered = new ArrayList<>();
        Map<HostQueue, String> toOpen = new HashMap<>();
        lock.lock();
        try {
            long now = System.nanoTime();
            for (int i = 0; i < added.size(); i++) {
                HostQueue queue = queue(addedHosts.get(i));
                WebURL url = added.get(i);
                if (!queue.begun) {
                    queue.begun = true;
                    // Only a seed: a host found by a link may never be asked (a budget spent), nor its robots.txt.
                    queue.opening = url.getDepth() == 0;
                    if (queue.opening) {
                        toOpen.put(queue, url.getURL());
                    }
                }
                queue.scheduled++;
                queued++;
                if (queue.taking) {
                    queue.arrivedWhileTaking.add(url);
                } else if (admit(queue, url)) {
                    buffered.add(url.getURL());
                }
                place(queue, now);
            }
        } finally {
            lock.unlock();
        }
        if (!buffered.isEmpty()) {
            upcoming.accept(buffered);
        }
        toOpen.forEach((queue, seed) -> opening.open(seed, () -> opened(queue)));
    }

    /** The host is open: handed out when due. */
    private void opened(HostQueue queue) {
        lock.lock();
        try {
            queue.opening = false;
            place(queue, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * A URL just scheduled (and counted) into its host's buffer, if it is among the head of the queue; true if it went
     * in. One that does not stays in the table only, past the horizon.
     */
    private boolean admit(HostQueue queue, WebURL url) {
        long turn = turn(url);
        if (turn > queue.horizon) {
            queue.tableBest = Math.max(queue.tableBest, url.getPriority());
            return false;
        }
        if (buffered >= BUFFERED) {
            keepUpTo(queue, turn - 1);
            queue.tableBest = Math.max(queue.tableBest, url.getPriority());
            return false;
        }
        if (queue.buffer.put(turn, url) == null) {
            buffered++;
        }
        if (queue.buffer.size() > LOOKAHEAD) {
            keepUpTo(queue, queue.buffer.lowerKey(queue.buffer.lastKey()));
        }
        return queue.buffer.containsKey(turn);
    }

    /** Leaves the host's buffered URLs past the horizon to the table, from where they are read again. */
    private void keepUpTo(HostQueue queue, long horizon) {
        while (!queue.buffer.isEmpty() && queue.buffer.lastKey() > horizon) {
            queue.tableBest = Math.max(queue.tableBest, priority(queue.buffer.pollLastEntry().getKey()));
            buffered--;
        }
        queue.horizon = Math.min(queue.horizon, horizon);
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Waits for a host to be due and hands out its best URL: from its buffer, or read from the table with the next few
     * (announced together first). Returns nothing only when the crawl is finished.
     */
    @Override
    public void getNextURLs(int max, List<WebURL> result) {
        HostQueue queue;
        long horizon;
        int limit;
        lock.lock();
        try {
            queue = nextDue();
            if (queue == null) {
                return;
            }
            if (!queue.buffer.isEmpty()) {
                result.add(handOut(queue));
                return;
            }
            queue.taking = true;
            horizon = queue.horizon;
            limit = buffered + LOOKAHEAD <= BUFFERED ? LOOKAHEAD : 1;
        } finally {
            lock.unlock();
        }
        Read read = null;
        WebURL url = null;
        try {
            read = read(queue.host, horizon, limit);
        } finally {
            lock.lock();
            try {
                queue.taking = false;
                if (read != null) {
                    url = buffer(queue, read);
                }
                queue.arrivedWhileTaking.clear();
                place(queue, System.nanoTime());
            } finally {
                lock.unlock();
            }
        }
        upcoming.accept(read.urls().stream().map(WebURL::getURL).toList());
        result.add(url);
    }

    /**
     * The URLs read from the table into the host's buffer, with those scheduled while they were read up to the new
     * horizon; hands out the first.
     */
    private WebURL buffer(HostQueue queue, Read read) {
        queue.horizon = read.horizon();
        // Past the new horizon the table holds nothing better than the last URL read, and what was scheduled meanwhile.
        queue.tableBest = read.horizon() == Long.MAX_VALUE ? Integer.MIN_VALUE : priority(read.horizon());
        List<WebURL> arrived = new ArrayList<>(read.urls());
        arrived.addAll(queue.arrivedWhileTaking);
        for (WebURL url : arrived) {
            long turn = turn(url);
            if (turn > queue.horizon) {
                queue.tableBest = Math.max(queue.tableBest, url.getPriority());
            } else if (queue.buffer.put(turn, url) == null) {
                buffered++;
            }
        }
        if (queue.buffer.isEmpty()) {
            throw new IllegalStateException("the frontier lost the queue of " + queue.host);
        }
        WebURL url = handOut(queue);
        while (queue.buffer.size() > LOOKAHEAD) {
            keepUpTo(queue, queue.buffer.lowerKey(queue.buffer.lastKey()));
        }
        return url;
    }

    /** The host's best buffered URL, out of its queue and handed out. */
    private WebURL handOut(HostQueue queue) {
        WebURL url = queue.buffer.pollFirstEntry().getValue();
        buffered--;
        queue.scheduled--;
        queued--;
        queue.out.add(url);
        handedOut.put(url.getDocid(), queue);
        place(queue, System.nanoTime());
        return url;
    }

    /**
     * Waits for a host to be due (under the lock) and takes it out of the order; null when the crawl is finished.
     * The worker waiting for the earliest due time leads; the others wait until a host is due or the leader leaves.
     */
    private HostQueue nextDue() {
        try {
            while (!finished) {
                long now = System.nanoTime();
                promote(now);
                Place next = due.pollFirst();
                if (next != null) {
                    HostQueue queue = next.queue();
                    queue.place = null;
                    if (!due.isEmpty() || !leading && !waiting.isEmpty()) {
                        followersWake.signal(); // the next due host, or the leader's place, is another worker's
                    }
                    return queue;
                }
                if (!leading && !waiting.isEmpty()) {
                    leading = true;
                    leaderUntil = waiting.first().readyAt();
                    try {
                        leaderWakes.awaitNanos(leaderUntil - now);
                    } finally {
                        leading = false;
                    }
                } else {
                    following++;
                    try {
                        followersWake.await();
                    } finally {
                        following--;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Moves the hosts whose due time has come among the due, each at the time politeness now gives it. */
    private void promote(long now) {
        while (!waiting.isEmpty() && waiting.first().readyAt() - now <= 0) {
            Place place = waiting.pollFirst();
            HostQueue queue = place.queue();
            queue.place = null;
            long readyAt = readyAt(queue);
            if (readyAt == Long.MAX_VALUE) {
                continue; // its turn is held: placed again when that request ends
            }
            queue.place = new Place(queue, queue.best(), readyAt, sequence++);
            (readyAt - now <= 0 ? due : waiting).add(queue.place);
        }
    }

    /**
     * Puts the host where it waits for its turn, if it has a URL to hand out now: nothing handed out, or for a host
     * without delay one URL whose request is under way. Wakes a worker if that is sooner than any was waiting for.
     */
    private void place(HostQueue queue, long now) {
        if (queue.place != null) {
            waiting.remove(queue.place);
            due.remove(queue.place);
            queue.place = null;
        }
        boolean free = queue.out.isEmpty() || queue.out.size() == 1 && politeness.delay(queue.host).isZero();
        if (queue.scheduled == 0 || queue.taking || queue.opening || !free) {
            return;
        }
        long readyAt = queue.out.isEmpty() ? readyAt(queue) : now;
        if (readyAt == Long.MAX_VALUE) {
            return; // its turn is held (robots.txt, a retry): placed again when that request ends
        }
        boolean dueNow = readyAt - now <= 0;
        queue.place = new Place(queue, queue.best(), readyAt, sequence++);
        (dueNow ? due : waiting).add(queue.place);
        if (dueNow) {
            if (following > 0) {
                followersWake.signal();
            } else if (leading) {
                leaderWakes.signal();
            }
        } else if (leading && readyAt - leaderUntil < 0) {
            leaderWakes.signal();
        } else if (!leading && following > 0) {
            followersWake.signal();
        }
    }

    private long readyAt(HostQueue queue) {
        return politeness.readyAt(queue.host);
    }

    /**
     * The host's next URLs in the table past its horizon, at most limit of them, those handed out and not yet marked
     * done passed over (the URLs done are marked so first), and the new horizon: the last one's turn, or the end.
     */
    private Read read(String host, long horizon, int limit) {
        table.lock();
        try {
            completePending();
            List<WebURL> read = new ArrayList<>(limit);
            long last = horizon;
            int rows = limit;
            while (read.isEmpty() && rows == limit) {
                nextOfHost.setString(1, host);
                nextOfHost.setLong(2, last);
                nextOfHost.setInt(3, limit);
                rows = 0;
                try (ResultSet rs = nextOfHost.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        last = rs.getLong(8);
                        if (handedOut.containsKey(rs.getInt(1))) {
                            continue;
                        }
                        WebURL url = urls.newWebUrl();
                        url.setDocid(rs.getInt(1));
                        url.setURL(rs.getString(2));
                        url.setParentDocid(rs.getInt(3));
                        url.setParentUrl(rs.getString(4));
                        url.setDepth(rs.getShort(5));
                        url.setPriority(rs.getByte(6));
                        url.setAnchor(rs.getString(7));
                        read.add(url);
                    }
                }
            }
            return new Read(read, rows < limit ? Long.MAX_VALUE : last);
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        } finally {
            table.unlock();
        }
    }

    /**
     * Marks the URLs done that were done since the table was last written, in one commit. A worker done with a URL
     * does not wait for the table (every worker taking a URL wrote it, and they queued on it): whoever writes it next
     * marks them first. A kill before loses the marks, as it loses the last moments of the table's log: the continued
     * run fetches those URLs again.
     */
    private void completePending() throws SQLException {
        if (completed.isEmpty()) {
            return;
        }
        db.setAutoCommit(false);
        try {
            List<Integer> marked = new ArrayList<>();
            for (Integer id; (id = completed.poll()) != null; ) {
                markCompleted.setInt(1, id);
                markCompleted.addBatch();
                marked.add(id);
            }
            markCompleted.executeBatch();
            db.commit();
            marked.forEach(handedOut::remove);
        } finally {
            autoCommit();
        }
    }

    /** A request ended: its host is no longer held by the URL handed out for it, and is due after its delay. */
    private void requestEnded(String host) {
        lock.lock();
        try {
            HostQueue queue = hosts.get(host);
            if (queue != null) {
                queue.out.pollFirst();
                place(queue, System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Done with the URL; if it was handed out and never asked (robots.txt, budget, revisit), its host is free again. */
    @Override
    public void setProcessed(WebURL url) {
        HostQueue queue = handedOut.get(url.getDocid());
        if (queue != null) {
            lock.lock();
            try {
                if (queue.out.removeIf(handed -> handed == url)) {
                    place(queue, System.nanoTime());
                }
            } finally {
                lock.unlock();
            }
        }
        // Marked done in the table after: until then, the table's reads pass it over as handed out.
        completed.add(url.getDocid());
        if (table.tryLock()) {
            try {
                completePending();
            } catch (SQLException e) {
                throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
            } finally {
                table.unlock();
            }
        }
    }

    @Override
    public long getQueueLength() {
        return scheduled();
    }

    @Override
    public long getNumberOfAssignedPages() {
        return handedOut.size();
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
            return queued;
        } finally {
            lock.unlock();
        }
    }

    private long count(String status) {
        table.lock();
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM weburl WHERE status = ?")) {
            completePending();
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
        } finally {
            table.unlock();
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
            leaderWakes.signalAll();
            followersWake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        table.lock();
        try {
            completePending();
            db.close();
        } catch (SQLException e) {
            throw new ArchiveException("closing the crawl frontier (" + e.getMessage() + ")", e);
        } finally {
            table.unlock();
        }
    }
}
