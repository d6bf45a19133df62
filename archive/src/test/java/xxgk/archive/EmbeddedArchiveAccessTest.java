package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import xxgk.archive.store.Sha256;

/** The embedded server listens on loopback, but only a process that can read the data directory's secret gets in. */
class EmbeddedArchiveAccessTest {

    @TempDir
    Path dir;

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS)).build());
    }

    @Test
    void anotherLocalUserWithoutTheSecretCanNeitherReadNorWrite() throws Exception {
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            byte[] bytes = "原件".getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(dir.resolve("x"), bytes);
            archive.blobs().put(file, Sha256.of(bytes), bytes.length);
            int port = EmbeddedArchiveClient.secret(dir).port();

            try (MongoClient anonymous = client("mongodb://127.0.0.1:" + port)) {
                assertThatThrownBy(() -> anonymous.getDatabase("xxgk").getCollection("blobs").find().first())
                        .isInstanceOf(MongoException.class).hasMessageContaining("authentication");
                assertThatThrownBy(() -> anonymous.getDatabase("xxgk").getCollection("blobs").insertOne(new Document("_id", "x")))
                        .isInstanceOf(MongoException.class);
            }
            try (MongoClient guessing = client("mongodb://xxgk:guess@127.0.0.1:" + port + "/?authMechanism=PLAIN&authSource=%24external")) {
                assertThatThrownBy(() -> guessing.getDatabase("xxgk").getCollection("blobs").find().first()).isInstanceOf(MongoException.class);
            }
            try (MongoClient owner = client(EmbeddedArchiveClient.connectionString(dir))) {
                assertThat(owner.getDatabase("xxgk").getCollection("blobs").countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void theSecretAndThePortAreReadableByThisUserOnly() throws Exception {
        try (Archive archive = Archive.open(new ArchiveLocation(dir, Optional.empty()))) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("server.secret")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(dir.resolve("server.port")).doesNotExist();
        }
    }
}
