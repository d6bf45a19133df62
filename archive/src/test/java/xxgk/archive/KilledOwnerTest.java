package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The process serving the embedded archive killed (SIGKILL) at random moments while it writes as fast as it can:
 * whatever its file kept afterwards is whole. Every document stored is found by its key (the `_id` index knows it)
 * and writing goes on, a key already there refused as a duplicate.
 */
class KilledOwnerTest {

    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyDocumentAKilledOwnerLeftIsFoundByItsKey() throws Exception {
        Path data = dir.resolve("data");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long kept = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KeyedWriter.class.getName(), data.toString(), "k" + kill)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader says = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            // Killed after it has written a random number of documents: at a random point of its commit cycle.
            long target = 300 + random.nextInt(1500);
            String line;
            while ((line = says.readLine()) != null && Long.parseLong(line) < target) {
                // reading its progress
            }
            assertThat(line).as("the writer died by itself (seed %d)", seed).isNotNull();
            owner.destroyForcibly();
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

            EmbeddedServer server = EmbeddedServer.acquire(data);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> keyed = client.getDatabase(Archive.DEFAULT_DATABASE).getCollection(KeyedWriter.COLLECTION);
                List<Object> scanned = new ArrayList<>();
                keyed.find().projection(new Document("_id", 1)).forEach(d -> scanned.add(d.get("_id")));
                // Those of the killed writer are looked up one by one (the earlier ones were after their own kill).
                String killed = "k" + kill + "/";
                List<Object> unknownToTheIndex = new ArrayList<>();
                List<Object> ofTheKilled = scanned.stream().filter(id -> id.toString().startsWith(killed)).toList();
                kept += ofTheKilled.size();
                for (Object id : ofTheKilled) {
                    if (keyed.find(Filters.eq("_id", id)).first() == null) {
                        unknownToTheIndex.add(id);
                    }
                }
                assertThat(unknownToTheIndex).as("after kill %d of %d documents (seed %d)", kill + 1, scanned.size(), seed).isEmpty();
                assertThat(keyed.countDocuments()).isEqualTo(scanned.size());
                if (!scanned.isEmpty()) {
                    Object stored = scanned.get(random.nextInt(scanned.size()));
                    assertThatThrownBy(() -> keyed.insertOne(new Document("_id", stored)))
                            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
                }
                keyed.insertOne(new Document("_id", "after kill " + kill));
                assertThat(keyed.find(Filters.eq("_id", "after kill " + kill)).first()).isNotNull();
            } finally {
                server.release();
            }
        }
        assertThat(kept).as("what the killed owners had committed (once a second)").isPositive();
    }
}
