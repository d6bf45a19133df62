package xxgk.crawler.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One request at a time per host, each starting at least the host's delay after the previous one ended —
 * however many crawler threads ask. (crawler4j's own politeness records when a thread asked, not the slot it
 * took, and lets concurrent threads through together.)
 *
 * <p>A host's delay is its site's configured delay, raised by its robots.txt Crawl-delay and, for a while,
 * by answers that ask us to slow down (429, 503).
 */
public final class HostPoliteness {

    static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final Function<String, Duration> configuredDelay;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
    private volatile Consumer<String> turnEnded = host -> { };

    public HostPoliteness(Function<String, Duration> configuredDelay) {
        this.configuredDelay = configuredDelay;
    }

    /** A held turn at one host; closing it ends the request and starts the host's delay. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private final class Host {
        final Semaphore turn = new Semaphore(1, true);
        /** When the last request ended; the next starts the current delay after it, so a delay raised since counts too. */
        volatile long lastEndNanos = System.nanoTime() - MAX_DELAY.toNanos();
        volatile Duration delay;

        Host(String name) {
            delay = configuredDelay.apply(name);
        }
    }

    private Host host(String name) {
        return hosts.computeIfAbsent(name.toLowerCase(Locale.ROOT), Host::new);
    }

    /** Waits for the host's turn and its delay; the caller closes the turn when the response is read. */
    public Turn acquire(String hostName) throws InterruptedException {
        Host host = host(hostName);
        host.turn.acquire();
        try {
            long wait = host.lastEndNanos + host.delay.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            host.turn.release();
            throw e;
        }
        return () -> {
            host.lastEndNanos = System.nanoTime();
            host.turn.release();
            turnEnded.accept(hostName.toLowerCase(Locale.ROOT));
        };
    }

    /**
     * When the host may next be asked, on {@link System#nanoTime()}'s scale: its delay after its last request
     * ended, or never ({@link Long#MAX_VALUE}) while a request to it is under way or waiting for its turn.
     */
    public long readyAt(String hostName) {
        Host host = host(hostName);
        if (host.turn.availablePermits() == 0 || host.turn.hasQueuedThreads()) {
            return Long.MAX_VALUE;
        }
        return host.lastEndNanos + host.delay.toNanos();
    }

    /** Tells a schedule, each time a request ends, which host it was, so that the host's next URL is handed out when due. */
    public void onTurnEnded(Consumer<String> listener) {
        turnEnded = listener;
    }

    /** robots.txt asked for at least this pause; the larger of it and the configured delay applies. */
    public void honourCrawlDelay(String hostName, Duration crawlDelay) {
        Host host = host(hostName);
        host.delay = max(host.delay, min(crawlDelay, MAX_DELAY));
    }

    /** The server said it is overloaded: double the host's delay, up to a minute. */
    public void slowDown(String hostName) {
        Host host = host(hostName);
        Duration base = max(host.delay, Duration.ofMillis(500));
        host.delay = min(base.multipliedBy(2), MAX_DELAY);
    }

    public Duration delay(String hostName) {
        return host(hostName).delay;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
