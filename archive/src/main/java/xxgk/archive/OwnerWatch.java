package xxgk.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * A joining process's watch on the process serving the embedded archive. An owner stopped (SIGSTOP, Ctrl-Z) keeps
 * its port and its lock: connected requests wait for its answer for ever, and nobody can take the archive over. So
 * when a request has waited {@link #PATIENCE} and the owner is stopped, this process says so and stops
 * ({@link ArchiveGone}). An owner that is merely busy (a long {@code list}) is never cut short: only a stopped one is
 * given up on. Where there is no /proc (not Linux), or the owner's xxgk published no process id, there is no watch.
 */
final class OwnerWatch implements CommandListener, AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Path dir;
    private final long pid;
    private final Map<Integer, Long> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "archive-owner-watch");
        thread.setDaemon(true);
        return thread;
    });

    private OwnerWatch(Path dir, long pid) {
        this.dir = dir;
        this.pid = pid;
        clock.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    /** A watch on the owner that published secret, where one is possible. */
    static Optional<OwnerWatch> of(Path dir, ArchiveSecret secret) {
        return secret.pid() > 0 && Files.isDirectory(Path.of("/proc", "self")) ? Optional.of(new OwnerWatch(dir, secret.pid())) : Optional.empty();
    }

    /** Why the archive does not answer, when its owner is stopped. */
    Optional<String> ownerStopped() {
        return stopped() ? Optional.of("the process serving the archive in " + dir + " (pid " + pid + ") is stopped and does not answer: "
                + "resume it (kill -CONT " + pid + ") or end it, then run this again (a crawl continues where it stopped)") : Optional.empty();
    }

    private void check() {
        long now = System.nanoTime();
        if (waiting.values().stream().anyMatch(since -> now - since > PATIENCE.toNanos())) {
            ownerStopped().ifPresent(ArchiveGone::stop);
        }
    }

    /** The owner's state in /proc/PID/stat, after its command name (which may hold spaces and parentheses). */
    private boolean stopped() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int afterName = stat.lastIndexOf(')') + 2;
            return afterName < stat.length() && (stat.charAt(afterName) == 'T' || stat.charAt(afterName) == 't');
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        waiting.put(event.getRequestId(), System.nanoTime());
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        waiting.remove(event.getRequestId());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        waiting.remove(event.getRequestId());
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
