package xxgk.archive;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.event.CommandListener;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The in-process MongoDB-protocol server (mongo-java-server, H2 file backend) that holds the archive when no
 * MongoDB URI is given.
 *
 * <p>One H2 file can be opened by one process only, so the first xxgk process on a data directory owns the
 * server ({@code archive.lock}) and publishes its loopback port and a fresh password in a file only this user can
 * read ({@link ArchiveSecret}); later processes join: they connect with them, and other local users cannot. Joiners
 * hold a shared lock on {@code clients.lock} while connected.
 *
 * <p>An owner that is done while others are connected does not wait for them (a {@code get} must not be held for
 * a crawl's length): it hands the archive over. It stops answering, lets what it was answering finish, shuts its
 * server down and lets go of {@code archive.lock}; a joiner waiting for that lock — one is, in each joining
 * process — then serves the archive itself at the same port with the same password, so that every joiner's
 * connection keeps working: the driver retries what the old owner refused (see {@link SecretGuardedBackend}). The
 * same happens when an owner dies. A joiner that cannot take over (the port taken meanwhile) says so and stops
 * ({@link ArchiveGone}). An owner that is stopped (SIGSTOP) cannot be taken over: its joiners' {@link OwnerWatch}
 * stops them when they wait on it.
 */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Map<Path, EmbeddedServer> IN_THIS_JVM = new HashMap<>();
    /** Left by an owner that handed the archive over, for its heir: absent, the owner died. */
    private static final String HANDED_OVER = "handed-over";

    private final Path dir;
    private final FileChannel clientsChannel;
    private final ArchiveSecret secret;
    private int users;

    // An owner holds archive.lock (heldLock, on ownerChannel) and serves; a joiner holds a shared lock on clients.lock
    // (heldLock) and waits for archive.lock on ownerChannel, to serve once the owner is gone.
    private FileChannel ownerChannel;
    private FileLock heldLock;
    private MongoServer server;
    private SecretGuardedBackend backend;
    private boolean released;
    private OwnerWatch watch;
    private volatile int ownerDeaths;

    private EmbeddedServer(Path dir, FileChannel clientsChannel, ArchiveSecret secret) {
        this.dir = dir;
        this.clientsChannel = clientsChannel;
        this.secret = secret;
    }

    /** Starts or joins the server for a data directory; release it with {@link #release()}. */
    static EmbeddedServer acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        synchronized (IN_THIS_JVM) {
            EmbeddedServer existing = IN_THIS_JVM.get(dir);
            if (existing == null) {
                existing = startOrJoin(dir);
                IN_THIS_JVM.put(dir, existing);
            }
            existing.users++;
            return existing;
        }
    }

    String connectionString() {
        return secret.connectionString();
    }

    /**
     * Writes what the server holds to its file now; it otherwise commits about once a second, which a process that
     * is being stopped may not live to see. A joiner has nothing to write: the owner's process goes on.
     */
    synchronized void flush() {
        if (backend != null) {
            backend.commit();
        }
    }

    /** For a joiner, what notices that the owner it waits on is stopped. */
    synchronized Optional<CommandListener> ownerWatch() {
        return Optional.ofNullable(watch);
    }

    /** Why the archive does not answer, when this process knows: the owner it joined is stopped. */
    synchronized Optional<String> unreachableBecause() {
        return watch != null ? watch.ownerStopped() : Optional.empty();
    }

    /**
     * How many times the process serving the archive died while this one used it. What it had acknowledged in its
     * last moments (about a second: the server commits once a second) may be lost, whoever wrote it.
     */
    int ownerDeaths() {
        return ownerDeaths;
    }

    void release() {
        synchronized (IN_THIS_JVM) {
            if (--users > 0) {
                return;
            }
            IN_THIS_JVM.remove(dir);
        }
        synchronized (this) {
            released = true;
            if (watch != null) {
                watch.close();
            }
            try {
                if (server != null) {
                    stopServing();
                } else {
                    heldLock.release();
                }
                clientsChannel.close();
                ownerChannel.close(); // a joiner's wait for ownership ends with it
            } catch (IOException e) {
                LOG.warn("closing the embedded archive in {}", dir, e);
            }
        }
    }

    /** Shuts the server down: handed over when other processes use it, else once they cannot join meanwhile. */
    private void stopServing() throws IOException {
        FileLock alone = clientsChannel.tryLock();
        if (alone == null) {
            backend.handOver();
            server.shutdown();
            Files.writeString(dir.resolve(HANDED_OVER), "");
            heldLock.release();
            return;
        }
        server.shutdown();
        // archive.lock before clients.lock: a process let in by the latter finds the archive without an owner.
        heldLock.release();
        alone.release();
    }

    private static EmbeddedServer startOrJoin(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel clients = FileChannel.open(dir.resolve("clients.lock"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            for (int attempt = 0; attempt < 50; attempt++) {
                FileChannel owner = FileChannel.open(dir.resolve("archive.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ownerLock = owner.tryLock();
                if (ownerLock != null) {
                    // Others still connected (their owner gone, this process quicker to take over than they) keep
                    // the address and password they know.
                    Serving serving = serve(dir, othersConnected(clients) ? publishedOrNew(dir) : fresh());
                    EmbeddedServer started = new EmbeddedServer(dir, clients, serving.secret());
                    started.ownerChannel = owner;
                    started.heldLock = ownerLock;
                    started.server = serving.server();
                    started.backend = serving.backend();
                    return started;
                }
                owner.close();
                // Blocks while an owner is shutting down with nobody connected; afterwards ownership may be free for us.
                FileLock shared = clients.lock(0, Long.MAX_VALUE, true);
                FileChannel probe = FileChannel.open(dir.resolve("archive.lock"), StandardOpenOption.WRITE);
                FileLock stillOwned = probe.tryLock();
                if (stillOwned != null) {
                    stillOwned.release();
                    probe.close();
                    shared.release();
                    continue;
                }
                ArchiveSecret secret = ArchiveSecret.read(dir);
                LOG.debug("joining the embedded archive of another process on port {}", secret.port());
                EmbeddedServer joined = new EmbeddedServer(dir, clients, secret);
                joined.ownerChannel = probe;
                joined.heldLock = shared;
                joined.watch = OwnerWatch.of(dir, secret).orElse(null);
                Thread heir = new Thread(joined::awaitOwnership, "archive-heir");
                heir.setDaemon(true);
                heir.start();
                return joined;
            }
            throw new ArchiveException("the archive in " + dir + " keeps changing hands; try again");
        } catch (IOException e) {
            throw new ArchiveException("cannot open the archive in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when other processes are connected: an owner gone, they still use its address and password. */
    private static boolean othersConnected(FileChannel clients) throws IOException {
        FileLock alone = clients.tryLock();
        if (alone == null) {
            return true;
        }
        alone.release();
        return false;
    }

    /** Waits (on its own thread) until the owner is gone, then serves the archive in its place. */
    private void awaitOwnership() {
        try {
            FileLock owned = ownerChannel.lock();
            synchronized (this) {
                if (released) {
                    return;
                }
                if (!Files.deleteIfExists(dir.resolve(HANDED_OVER))) {
                    ownerDeaths++;
                    // A process being killed lets go of its files one by one: its storage may still be locked.
                    try (FileChannel storage = FileChannel.open(ArchiveLocation.embeddedFile(dir), StandardOpenOption.WRITE);
                         FileLock released = storage.lock()) {
                        LOG.debug("the dead owner's storage in {} is free", dir);
                    }
                }
                Serving serving = serve(dir, secret);
                LOG.info("the process serving the archive in {} has gone; this one serves it now on port {}", dir, secret.port());
                heldLock.release(); // an owner holds no share of clients.lock: it takes it whole before it stops
                heldLock = owned;
                if (watch != null) {
                    watch.close();
                    watch = null;
                }
                server = serving.server();
                backend = serving.backend();
            }
        } catch (ClosedChannelException released) {
            // this process is done with the archive
        } catch (IOException | RuntimeException e) {
            ArchiveGone.stop("the process that served the archive in " + dir + " has gone, and this one cannot take it over ("
                    + causes(e) + "); run this again (a crawl continues where it stopped)");
        }
    }

    private static String causes(Throwable e) {
        StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            why.append(": ").append(cause.getMessage());
        }
        return why.toString();
    }

    /** A running server, its storage, and what it published. */
    private record Serving(MongoServer server, SecretGuardedBackend backend, ArchiveSecret secret) {
    }

    private static ArchiveSecret fresh() {
        return new ArchiveSecret(0, ArchiveSecret.newPassword(), 0);
    }

    private static ArchiveSecret publishedOrNew(Path dir) {
        try {
            return ArchiveSecret.read(dir);
        } catch (IOException unreadable) {
            return fresh();
        }
    }

    /** Serves the archive of dir with the password and at the port wanted (0: any free one), and publishes them. */
    private static Serving serve(Path dir, ArchiveSecret wanted) throws IOException {
        SecretGuardedBackend storage = new SecretGuardedBackend(ArchiveLocation.embeddedFile(dir).toString(), wanted.password());
        MongoServer started = new MongoServer(storage);
        InetSocketAddress address;
        try {
            started.bind("127.0.0.1", wanted.port());
            address = started.getLocalAddress();
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        ArchiveSecret published = new ArchiveSecret(address.getPort(), wanted.password(), ProcessHandle.current().pid());
        published.publish(dir);
        LOG.debug("embedded archive server for {} on {}", dir, address);
        return new Serving(started, storage, published);
    }
}
