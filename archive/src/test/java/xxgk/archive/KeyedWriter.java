package xxgk.archive;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * A process owning the embedded archive that inserts small keyed documents from several threads as fast as it can,
 * printing how many it has written every 100, until it is killed: {@link KilledOwnerTest} kills it.
 */
public final class KeyedWriter {

    public static final String COLLECTION = "keyed";

    public static void main(String[] args) throws Exception {
        EmbeddedServer server = EmbeddedServer.acquire(Path.of(args[0]));
        String prefix = args[1];
        AtomicLong written = new AtomicLong();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> keyed = client.getDatabase(Archive.DEFAULT_DATABASE).getCollection(COLLECTION);
            Thread[] writers = new Thread[8];
            for (int t = 0; t < writers.length; t++) {
                int thread = t;
                writers[t] = new Thread(() -> {
                    for (int i = 0; ; i++) {
                        keyed.insertOne(new Document("_id", prefix + "/" + thread + "/" + i).append("n", i).append("pad", "x".repeat(200)));
                        if (written.incrementAndGet() % 100 == 0) {
                            System.out.println(written.get());
                            System.out.flush();
                        }
                    }
                });
                writers[t].start();
            }
            writers[0].join();
        }
    }
}
