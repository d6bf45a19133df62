package xxgk.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded archive's storage, answering only connections that proved they know the {@link ArchiveSecret}
 * (SASL PLAIN, as the MongoDB driver sends it); before that, a connection may only say hello.
 * mongo-java-server itself has no authentication.
 */
final class SecretGuardedBackend extends H2Backend {

    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    private static final Set<String> BEFORE_LOGIN = Set.of("hello", "ismaster", "isMaster", "buildinfo", "buildInfo", "saslStart");

    private final byte[] password;
    private final Set<Channel> admitted = ConcurrentHashMap.newKeySet();

    SecretGuardedBackend(String file, String password) {
        super(file);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equals("saslStart")) {
            return login(channel, query);
        }
        if (!admitted.contains(channel) && !BEFORE_LOGIN.contains(command)) {
            throw new MongoServerError(UNAUTHORIZED, "command " + command + " requires authentication");
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        if (!admitted.contains(query.getChannel())) {
            throw new MongoServerError(UNAUTHORIZED, "queries require authentication");
        }
        return super.handleQuery(query);
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
