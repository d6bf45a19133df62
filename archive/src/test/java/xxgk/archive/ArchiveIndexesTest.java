package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** The indexes a real MongoDB is given for the archive's scans, created here on the embedded server (which keeps them unused). */
class ArchiveIndexesTest {

    @TempDir
    Path dir;

    @Test
    void theScansGetTheirIndexesAndCreatingThemAgainChangesNothing() throws Exception {
        Path data = dir.resolve("data");
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
             MongoClient client = MongoClients.create(EmbeddedArchiveClient.connectionString(data))) {
            MongoDatabase db = client.getDatabase(Archive.DEFAULT_DATABASE);
            ArchiveIndexes.create(db);
            ArchiveIndexes.create(db);
            assertThat(names(db, "urls")).containsExactlyInAnyOrder("_id_", "latest.at_1");
            assertThat(names(db, "captures")).containsExactlyInAnyOrder("_id_", "site_1_fetched_at_1");
            assertThat(names(db, "changes")).containsExactlyInAnyOrder("_id_", "at_1__id_1", "site_1_at_1", "run_1");
        }
    }

    private static List<String> names(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
    }
}
