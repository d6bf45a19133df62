package xxgk.crawler.engine;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.LoggerFactory;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import xxgk.archive.DiskSpace;

/**
 * Responses the crawl fetched but could not archive. Each is counted as an error of its site and noted with its URL;
 * a run with any ends FAILED and keeps its frontier, so that the next crawl fetches them again. When the archive
 * stops answering (its server gone, its disk full), the crawl is stopped at once: fetching what cannot be kept is
 * waste, and a portal's patience is not.
 */
final class ArchiveFailures {

    private final CrawlProgress progress;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<String> first = new AtomicReference<>();
    private volatile Runnable stopCrawl = () -> { };
    private volatile boolean stopped;
    private volatile boolean outOfMemory;

    ArchiveFailures(CrawlProgress progress) {
        this.progress = progress;
    }

    /** What stops the crawl, once its engine exists. */
    void onFatal(Runnable stopCrawl) {
        this.stopCrawl = stopCrawl;
    }

    void failed(String site, String url, Exception e) {
        String problem = "not archived: " + describe(e);
        first.compareAndSet(null, problem);
        count.incrementAndGet();
        progress.failed(site, url, problem);
        if (fatal(e) && !stopped) {
            stopped = true;
            stopCrawl.run();
        }
    }

    /**
     * A worker of crawler4j died (it catches anything, an OutOfMemoryError included, keeps it and ends the thread):
     * the page it held and its host's queue were left unfinished, so the run must not look complete.
     */
    void workerDied(Throwable e) {
        first.compareAndSet(null, "a crawl worker died: " + e);
        outOfMemory |= e instanceof OutOfMemoryError;
        count.incrementAndGet();
        LoggerFactory.getLogger(ArchiveFailures.class).error("a crawl worker died", e);
    }

    boolean any() {
        return count.get() > 0;
    }

    /** One line for the user: how many, the first problem, and what to do. */
    String summary(String runId) {
        return "crawl " + runId + " failed: " + count.get() + " responses could not be archived (" + first.get() + ")"
                + (stopped ? "; the crawl was stopped" : "")
                + (outOfMemory ? ". Run the same crawl with a larger heap to continue it (JAVA_OPTS=-Xmx1g ./xxgk crawl …)"
                        : ". Once the archive works again, run the same crawl to continue it");
    }

    /** The archive cannot take anything more: its server is unreachable, or its disk is full. */
    static boolean fatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException || DiskSpace.isFull(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)) + (e instanceof IOException ? "" : " (" + e.getClass().getSimpleName() + ")");
    }
}
