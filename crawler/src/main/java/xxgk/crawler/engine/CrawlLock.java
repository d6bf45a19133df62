package xxgk.crawler.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;

/**
 * The lock a crawl holds on its data directory while it runs ({@code crawl.lock}). A second crawl there is
 * refused; and a run recorded as RUNNING at this directory while nobody holds the lock was left by a process that
 * died — the lock went with it — so it is marked INTERRUPTED.
 */
public final class CrawlLock implements AutoCloseable {

    /** How often, and how far apart, taking the lock is tried: a command noticing interrupted runs holds it for an instant. */
    private static final int ATTEMPTS = 10;
    private static final long APART_MS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private CrawlLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of dataDir, or empty when a crawl holds it (in another process or in this JVM). */
    static Optional<CrawlLock> take(Path dataDir) {
        try {
            FileChannel channel = FileChannel.open(Files.createDirectories(dataDir).resolve("crawl.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return Optional.of(new CrawlLock(channel, lock));
                }
                if (attempt < ATTEMPTS) {
                    Thread.sleep(APART_MS);
                }
            }
            channel.close();
            return Optional.empty();
        } catch (IOException e) {
            throw new ArchiveException("cannot use " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** Where a crawl in dataDir records its runs as running: this machine and the directory. */
    static String place(Path dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + ":" + dataDir.toAbsolutePath().normalize();
    }

    /**
     * Marks the runs left RUNNING at dataDir INTERRUPTED, unless a crawl runs there now; the caller must not hold the
     * lock. Returns their ids.
     */
    public static List<String> noticeInterrupted(Archive archive, Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of(); // no crawl ever ran here, and none is made by looking
        }
        Optional<CrawlLock> free = take(dataDir);
        if (free.isEmpty()) {
            return List.of();
        }
        try (CrawlLock held = free.get()) {
            return held.markInterrupted(archive, dataDir);
        }
    }

    /** With the lock held, every run recorded as RUNNING here is a dead process's. */
    List<String> markInterrupted(Archive archive, Path dataDir) {
        // An embedded archive lives in its data directory: runs recorded before places were are this directory's.
        return archive.runs().markInterrupted(place(dataDir), archive.location().mongoUri().isEmpty(), Instant.now());
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new ArchiveException("cannot release " + e.getMessage(), e);
        }
    }
}
