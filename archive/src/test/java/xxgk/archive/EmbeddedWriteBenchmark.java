package xxgk.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Not a test: how many small documents a second the embedded archive takes through the driver, from 1 and from 8
 * threads, each insert acknowledged before the next. Run from the repository root with
 * {@code mvn -q -pl archive test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=xxgk.archive.EmbeddedWriteBenchmark}.
 */
public final class EmbeddedWriteBenchmark {

    private static final int SECONDS = 15;

    private EmbeddedWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int threads : new int[] {1, 8}) {
            Path data = Files.createTempDirectory("xxgk-write-bench");
            EmbeddedServer server = EmbeddedServer.acquire(data);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase(Archive.DEFAULT_DATABASE).getCollection("bench");
                docs.insertOne(new Document("_id", "warm-up"));
                AtomicLong written = new AtomicLong();
                long end = System.nanoTime() + SECONDS * 1_000_000_000L;
                Thread[] writers = new Thread[threads];
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    writers[t] = new Thread(() -> {
                        for (int i = 0; System.nanoTime() < end; i++) {
                            docs.insertOne(new Document("_id", thread + "/" + i).append("n", i).append("pad", "x".repeat(200)));
                            written.incrementAndGet();
                        }
                    });
                    writers[t].start();
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                System.out.printf("%d thread(s): %,d inserts in %d s = %,.0f inserts/s%n", threads, written.get(), SECONDS, written.get() / (double) SECONDS);
            } finally {
                server.release();
            }
        }
    }
}
