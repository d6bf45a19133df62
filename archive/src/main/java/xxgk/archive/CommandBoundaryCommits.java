package xxgk.archive;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded archive's commits, each between two commands, never in the middle of one.
 *
 * <p>mongo-java-server stores a document in one H2 map and its {@code _id} index entry in another; H2's own
 * auto-commit (a background thread, once a second, or any writer once enough is unsaved) could commit between the
 * two, and an owner killed before the next commit left a document its index did not know: not found by its key,
 * and refused when written again ("already existed"). So the store is opened with H2's auto-commit off and
 * committed here: once a second, and at once by a command that leaves more than {@link #UNSAVED_LIMIT} unsaved
 * (H2's own threshold under the launcher's heap: unsaved pages stay on the heap until committed). A command that
 * may write holds a share of a lock that a commit takes whole; reads need none, so a long read (a {@code list} of a
 * big archive) holds no commit back, nor the writes queued behind one.
 *
 * <p>Compacting, though, waits for a moment when no command is under way: it moves live pages out of chunks and frees
 * them, and a command reading the map as it was when it began (a scan of 50,000 captures) then found a chunk gone
 * ("Chunk 861 not found").
 */
final class CommandBoundaryCommits implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandBoundaryCommits.class);
    private static final long PERIOD_MS = 1000;
    private static final int UNSAVED_LIMIT = 16 << 20;
    /** H2's housekeeping, which we no longer run in its thread (it commits too): chunks under this fill are rewritten. */
    private static final int CHUNK_FILL_TARGET = 80;
    private static final int REWRITE_BYTES_PER_COMMIT = 4 << 20;

    private final MVStore store;
    private final ReadWriteLock boundary = new ReentrantReadWriteLock();
    /** Shared by every command under way, taken whole (when free) to compact. */
    private final ReadWriteLock compacting = new ReentrantReadWriteLock();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "archive-commits");
        thread.setDaemon(true);
        return thread;
    });

    CommandBoundaryCommits(MVStore store) {
        this.store = store;
        clock.scheduleWithFixedDelay(this::commitOnTheClock, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Runs a command that only reads: no compaction frees a chunk it may still read. */
    <T> T reading(Supplier<T> command) {
        compacting.readLock().lock();
        try {
            return command.get();
        } finally {
            compacting.readLock().unlock();
        }
    }

    /** Runs a command that may write, so that no commit falls within it. */
    <T> T writing(Supplier<T> command) {
        T answer;
        boundary.readLock().lock();
        try {
            answer = reading(command);
        } finally {
            boundary.readLock().unlock();
        }
        if (store.getUnsavedMemory() > UNSAVED_LIMIT) {
            commit(false);
        }
        return answer;
    }

    /** Commits what the commands done so far wrote, once those under way are done, and returns once it is written. */
    void commit() {
        commit(true);
    }

    /**
     * A commit fixes what it writes while it holds the lock, but its pages may be written out after (H2's own pipeline,
     * as its auto-commit does), while commands go on: they wait only for the snapshot, unless it is to be on disk now.
     */
    private void commit(boolean written) {
        boundary.writeLock().lock();
        try {
            if (!store.isClosed()) {
                if (written) {
                    store.commit();
                } else {
                    store.tryCommit();
                }
            }
        } finally {
            boundary.writeLock().unlock();
        }
    }

    private void commitOnTheClock() {
        try {
            commit(false);
            compactUnlessReading();
        } catch (RuntimeException e) {
            // The store refuses every command after a failed write (disk full): they say so; this thread goes on.
            LOG.warn("committing the embedded archive", e);
        }
    }

    /**
     * Rewrites the live pages of chunks that are mostly garbage, when no command is under way; true if it did.
     * Content-neutral (pages moved, not changed): it needs no command boundary; the next commit writes them.
     */
    boolean compactUnlessReading() {
        if (!compacting.writeLock().tryLock()) {
            return false;
        }
        try {
            store.compact(CHUNK_FILL_TARGET, REWRITE_BYTES_PER_COMMIT);
            return true;
        } finally {
            compacting.writeLock().unlock();
        }
    }

    /** Stops committing on a clock; the store's close commits what is left. */
    @Override
    public void close() {
        clock.shutdown(); // not shutdownNow: interrupted in a write, H2's file channel would close
        try {
            clock.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
