package xxgk.archive;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The in-process MongoDB-protocol server (mongo-java-server, H2 file backend) that holds the archive when no
 * MongoDB URI is given.
 *
 * <p>One H2 file can be opened by one process only, so the first xxgk process on a data directory owns the
 * server and publishes its loopback port and a fresh password in a file only this user can read
 * ({@link ArchiveSecret}); later processes connect with them, and other local users cannot. Joiners hold a shared lock
 * on {@code clients.lock} while connected and the owner takes it exclusively before shutting down, so the
 * owner never pulls the server from under a running crawl or {@code get}.
 */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Map<Path, EmbeddedServer> IN_THIS_JVM = new HashMap<>();

    private final Path dir;
    private final FileChannel ownerChannel;
    private final FileChannel clientsChannel;
    private final FileLock heldLock;
    private final MongoServer server;
    private final H2Backend backend;
    private final String connectionString;
    private int users;

    private EmbeddedServer(Path dir, FileChannel ownerChannel, FileChannel clientsChannel, FileLock heldLock,
                           MongoServer server, H2Backend backend, String connectionString) {
        this.dir = dir;
        this.ownerChannel = ownerChannel;
        this.clientsChannel = clientsChannel;
        this.heldLock = heldLock;
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
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
        return connectionString;
    }

    /**
     * Writes what the server holds to its file now; it otherwise commits about once a second, which a process that
     * is being stopped may not live to see. A joiner has nothing to write: the owner's process goes on.
     */
    void flush() {
        if (backend != null) {
            backend.commit();
        }
    }

    void release() {
        synchronized (IN_THIS_JVM) {
            if (--users > 0) {
                return;
            }
            IN_THIS_JVM.remove(dir);
        }
        try {
            if (server != null) {
                heldLock.release();
                FileLock others = clientsChannel.tryLock();
                if (others == null) {
                    System.err.println("xxgk: waiting for the other xxgk processes using " + dir + " to finish…");
                    others = clientsChannel.lock();
                }
                server.shutdown();
                others.release();
            } else {
                heldLock.release();
            }
            clientsChannel.close();
            if (ownerChannel != null) {
                ownerChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the embedded archive in {}", dir, e);
        }
    }

    private static EmbeddedServer startOrJoin(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel clients = FileChannel.open(dir.resolve("clients.lock"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            for (int attempt = 0; attempt < 50; attempt++) {
                FileChannel owner = FileChannel.open(dir.resolve("archive.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ownerLock = owner.tryLock();
                if (ownerLock != null) {
                    // Keep holding ownerLock as the proof of ownership; it is released on close.
                    return start(dir, owner, clients, ownerLock);
                }
                owner.close();
                // Blocks while an owner is shutting down; afterwards ownership may be free for us.
                FileLock shared = clients.lock(0, Long.MAX_VALUE, true);
                FileChannel probe = FileChannel.open(dir.resolve("archive.lock"), StandardOpenOption.WRITE);
                FileLock stillOwned = probe.tryLock();
                if (stillOwned != null) {
                    stillOwned.release();
                    probe.close();
                    shared.release();
                    continue;
                }
                probe.close();
                ArchiveSecret secret = ArchiveSecret.read(dir);
                LOG.debug("joining the embedded archive of another process on port {}", secret.port());
                return new EmbeddedServer(dir, null, clients, shared, null, null, secret.connectionString());
            }
            throw new ArchiveException("the archive in " + dir + " keeps changing hands; try again");
        } catch (IOException e) {
            throw new ArchiveException("cannot open the archive in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedServer start(Path dir, FileChannel owner, FileChannel clients, FileLock ownerLock) throws IOException {
        String password = ArchiveSecret.newPassword();
        H2Backend backend = new SecretGuardedBackend(ArchiveLocation.embeddedFile(dir).toString(), password);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address;
        try {
            server.bind("127.0.0.1", 0);
            address = server.getLocalAddress();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        ArchiveSecret secret = new ArchiveSecret(address.getPort(), password);
        secret.publish(dir);
        LOG.debug("embedded archive server for {} on {}", dir, address);
        return new EmbeddedServer(dir, owner, clients, ownerLock, server, backend, secret.connectionString());
    }
}
