package xxgk.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;

/**
 * The embedded archive's storage, answering only connections that proved they know the {@link ArchiveSecret}
 * (SASL PLAIN, as the MongoDB driver sends it); before that, a connection may only say hello.
 * mongo-java-server itself has no authentication. Its unique indexes compare their keys natively
 * ({@link NativeIndexH2Backend}).
 */
final class SecretGuardedBackend extends NativeIndexH2Backend {

    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    private static final int SHUTDOWN_IN_PROGRESS = 91;
    private static final int SESSION_MINUTES = 30;
    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(10);
    private static final Set<String> BEFORE_LOGIN = Set.of("hello", "ismaster", "isMaster", "buildinfo", "buildInfo", "saslStart");
    /** Commands that only read: no commit waits for them (aggregate, unless it has an $out or $merge stage). */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "aggregate", "listCollections",
            "listIndexes", "listDatabases", "dbStats", "collStats", "serverStatus", "hello", "ismaster", "isMaster",
            "buildinfo", "buildInfo", "ping", "whatsmyuri", "saslStart", "killCursors", "endSessions");

    private final byte[] password;
    private final Set<Channel> admitted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answering = new AtomicInteger();
    private volatile boolean handingOver;
    private final CommandBoundaryCommits commits;

    SecretGuardedBackend(String file, String password) {
        this(openStore(file), password);
    }

    private SecretGuardedBackend(MVStore store, String password) {
        super(store);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.commits = new CommandBoundaryCommits(store);
    }

    /**
     * H2's auto-commit is off, {@link CommandBoundaryCommits} commits between commands instead: H2 commits on its own
     * neither for unsaved memory (no buffer size) nor on its clock (a delay of never), but keeps the threads that
     * write a commit out while commands go on (it has them only with a delay).
     */
    private static MVStore openStore(String file) {
        return MVStore.Builder.fromString("autoCommitDelay:" + Integer.MAX_VALUE).fileName(file).autoCommitBufferSize(0).open();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        answering.incrementAndGet();
        try {
            refuseWhileHandingOver();
            if (command.equals("saslStart")) {
                return login(channel, query);
            }
            if (!admitted.contains(channel) && !BEFORE_LOGIN.contains(command)) {
                throw new MongoServerError(UNAUTHORIZED, "command " + command + " requires authentication");
            }
            Document answer = mayWrite(command, query)
                    ? commits.writing(() -> super.handleCommand(channel, databaseName, command, query))
                    : commits.reading(() -> super.handleCommand(channel, databaseName, command, query));
            if (command.equalsIgnoreCase("ismaster")) {
                // Sessions and a router's role make the driver retry a write (and a read) that met a server going
                // away, once the archive is served again at the same address: see handOver().
                answer.append("msg", "isdbgrid").append("logicalSessionTimeoutMinutes", SESSION_MINUTES);
            }
            return answer;
        } finally {
            answering.decrementAndGet();
        }
    }

    private static boolean mayWrite(String command, Document query) {
        if (command.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
            return stages.stream().anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return !READS.contains(command);
    }

    /** Legacy OP_QUERY reads (the server passes its commands to handleCommand): no commit waits for them. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        answering.incrementAndGet();
        try {
            refuseWhileHandingOver();
            if (!admitted.contains(query.getChannel())) {
                throw new MongoServerError(UNAUTHORIZED, "queries require authentication");
            }
            return commits.reading(() -> super.handleQuery(query));
        } finally {
            answering.decrementAndGet();
        }
    }

    /**
     * Stops answering and returns once every answer already begun has been written out (10 s at most), so that the
     * server can be shut down without a request half done. From now on every request, hello included, is refused as
     * ShutdownInProgress: it is not carried out, and the driver retries it against whoever serves the archive next
     * at the same address (a process that took it over, see {@link EmbeddedServer}).
     */
    void handOver() {
        handingOver = true;
        long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
        while ((answering.get() > 0 || unwritten()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    private void refuseWhileHandingOver() {
        if (handingOver) {
            throw new MongoServerError(SHUTDOWN_IN_PROGRESS, "ShutdownInProgress", "the archive is changing hands");
        }
    }

    /** True while an answer is still queued for a connection's socket. */
    private boolean unwritten() {
        for (Channel channel : admitted) {
            ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
            if (queued != null && !queued.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Commits now (between commands), as {@link EmbeddedServer#flush()} asks. */
    @Override
    public void commit() {
        commits.commit();
    }

    @Override
    public void close() {
        commits.close();
        super.close();
    }

    @Override
    public void handleClose(Channel channel) {
        admitted.remove(channel);
        super.handleClose(channel);
    }

    private Document login(Channel channel, Document query) {
        Object payload = query.get("payload");
        byte[] given = payload instanceof BinData bin ? bin.getData() : payload instanceof byte[] bytes ? bytes : new byte[0];
        // PLAIN's message is [authorisation id] NUL user NUL password (RFC 4616).
        String[] fields = new String(given, StandardCharsets.UTF_8).split("\0", -1);
        if (!"PLAIN".equals(query.get("mechanism")) || fields.length != 3 || !fields[1].equals(ArchiveSecret.USER)
                || !MessageDigest.isEqual(fields[2].getBytes(StandardCharsets.UTF_8), password)) {
            throw new MongoServerError(AUTHENTICATION_FAILED, "Authentication failed.");
        }
        admitted.add(channel);
        return new Document("conversationId", 1).append("done", true).append("payload", new BinData(new byte[0])).append("ok", 1);
    }
}
