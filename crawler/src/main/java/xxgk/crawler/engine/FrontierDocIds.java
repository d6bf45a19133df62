package xxgk.crawler.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import edu.uci.ics.crawler4j.frontier.DocIDServer;
import xxgk.archive.ArchiveException;

/**
 * crawler4j's document ids — the seen set of the crawl — in its frontier table, as its HSQLDB implementation keeps
 * them, with statements prepared once on a connection of their own. crawler4j's asks for every link of every page and
 * prepared each of its two or three statements anew each time under one lock: when a crawl of many hosts began, the
 * workers waited there for most of the time it took to schedule the links of their first pages. A new id is asked for
 * right after the URL was found unknown (crawler4j's way with links): it is not looked up again if no other thread
 * has added it since, which the last few hundred URLs added tell.
 */
final class FrontierDocIds implements DocIDServer {

    /** URLs added last, remembered to tell whether a URL found unknown a moment ago was added since. */
    private static final int RECENT = 512;

    /** A URL this thread found unknown, and how many URLs had been added then. */
    private record Unknown(String url, long added) {}

    private final Connection db;
    private final PreparedStatement idOf;
    private final PreparedStatement add;
    private final PreparedStatement addWithId;
    private final PreparedStatement count;
    private final ThreadLocal<Unknown> lastUnknown = new ThreadLocal<>();
    /** URLs added so far, and the last of them with the count after each. */
    private long added;
    private final Map<String, Long> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RECENT;
        }
    };

    FrontierDocIds(String jdbcUrl) {
        try {
            this.db = DriverManager.getConnection(jdbcUrl, "sa", "");
            this.idOf = db.prepareStatement("SELECT id FROM weburl WHERE url = ?");
            this.add = db.prepareStatement("INSERT INTO weburl(id, url) VALUES (NEXT VALUE FOR id_master_seq, ?)", new String[] {"id"});
            this.addWithId = db.prepareStatement("INSERT INTO weburl(id, url) VALUES (?, ?)");
            this.count = db.prepareStatement("SELECT COUNT(*) FROM weburl");
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static ArchiveException failed(SQLException e) {
        return new ArchiveException("the crawl frontier failed (" + e.getMessage() + ")", e);
    }

    @Override
    public synchronized int getDocId(String url) {
        try {
            idOf.setString(1, url);
            try (ResultSet rs = idOf.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        lastUnknown.set(new Unknown(url, added));
        return -1;
    }

    @Override
    public synchronized int getNewDocID(String url) {
        Unknown unknown = lastUnknown.get();
        boolean stillUnknown = unknown != null && unknown.url().equals(url) && added - unknown.added() <= RECENT
                && !(recent.containsKey(url) && recent.get(url) > unknown.added());
        if (!stillUnknown) {
            int known = getDocId(url);
            if (known > 0) {
                return known;
            }
        }
        lastUnknown.remove();
        try {
            add.setString(1, url);
            add.executeUpdate();
            added++;
            recent.put(url, added);
            try (ResultSet key = add.getGeneratedKeys()) {
                key.next();
                return key.getInt(1);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public synchronized void addUrlAndDocId(String url, int docId) {
        int known = getDocId(url);
        if (known > 0) {
            if (known == docId) {
                return;
            }
            throw new IllegalArgumentException("Doc id: " + known + " is already assigned to URL: " + url);
        }
        try {
            addWithId.setInt(1, docId);
            addWithId.setString(2, url);
            addWithId.executeUpdate();
            added++;
            recent.put(url, added);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean isSeenBefore(String url) {
        return getDocId(url) != -1;
    }

    @Override
    public synchronized int getDocCount() {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }
}
