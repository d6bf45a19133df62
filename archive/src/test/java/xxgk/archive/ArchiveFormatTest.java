package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.ReplaceOptions;

import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;
import xxgk.archive.store.Sha256;

/**
 * Format 3 moves originals out of GridFS. Here a format-2 archive is made by hand as a kill midway through its
 * migration left it: one original already moved (its GridFS copy still there), two not yet, one of them in several
 * GridFS chunks; the whole archive written by the previous release is migrated in {@code MigratedArchiveTest}.
 */
class ArchiveFormatTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationKilledMidwayIsCarriedOnAndEveryOriginalReadsBackIntact() throws IOException {
        Path data = dir.resolve("data");
        byte[] moved = "已迁移的原件".getBytes(StandardCharsets.UTF_8);
        byte[] page = "<html>尚未迁移</html>".getBytes(StandardCharsets.UTF_8);
        byte[] document = new byte[(5 << 20) / 2];
        new Random(11).nextBytes(document);
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
             MongoClient client = MongoClients.create(EmbeddedArchiveClient.connectionString(data))) {
            MongoDatabase db = client.getDatabase(Archive.DEFAULT_DATABASE);
            GridFSBucket raw = GridFSBuckets.create(db, "raw");
            for (byte[] bytes : List.of(moved, page, document)) {
                ObjectId file = new ObjectId();
                raw.uploadFromStream(new BsonObjectId(file), Sha256.of(bytes), new ByteArrayInputStream(bytes),
                        new GridFSUploadOptions().chunkSizeBytes(1 << 20));
                Document blob = new Document("_id", Sha256.of(bytes)).append("size", (long) bytes.length).append("stored_at", new Date());
                db.getCollection("blobs").insertOne(bytes == moved ? blob.append("data", new Binary(bytes)) : blob.append("file", file));
            }
            ObjectId capture = new ObjectId();
            db.getCollection("captures").insertOne(new Document("_id", capture).append("url", "http://a.gov.cn/").append("final_url", "http://a.gov.cn/")
                    .append("status", 200).append("fetched_at", new Date()).append("sha256", Sha256.of(page)).append("size", page.length)
                    .append("content_type", "text/html").append("site", "a").append("run", "r").append("kind", "response"));
            db.getCollection("urls").insertOne(new Document("_id", "http://a.gov.cn/").append("site", "a")
                    .append("history", List.of(new Document("capture", capture).append("at", new Date()))));
            db.getCollection("meta").replaceOne(new Document("_id", "format"), new Document("_id", "format").append("version", 2),
                    new ReplaceOptions().upsert(true));
        }

        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            assertThat(archive.migrations()).containsExactly(
                    "archive migrated to format 3: 2 originals moved out of GridFS, 1 URLs given their latest capture",
                    "archive migrated to format 4: 1 URLs listed apart from their history; documents are stored as BSON as they are written");
            for (byte[] bytes : List.of(moved, page, document)) {
                try (InputStream in = archive.blobs().open(Sha256.of(bytes))) {
                    assertThat(Sha256.of(in.readAllBytes())).isEqualTo(Sha256.of(bytes));
                }
            }
            List<Capture> listed = new ArrayList<>();
            archive.captures().forEachLatest(new CaptureStore.Listing(Optional.empty(), Optional.empty(), 0), listed::add);
            assertThat(listed).extracting(Capture::sha256).containsExactly(Sha256.of(page));
            assertThat(archive.captures().latestPerUrl(Optional.of("a"))).as("listed under its site").extracting(Capture::sha256)
                    .containsExactly(Sha256.of(page));
            assertThat(archive.captures().sites()).containsExactly("a");
        }
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()));
             MongoClient client = MongoClients.create(EmbeddedArchiveClient.connectionString(data))) {
            assertThat(archive.migrations()).as("migrated once").isEmpty();
            MongoDatabase db = client.getDatabase(Archive.DEFAULT_DATABASE);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("raw.files", "raw.chunks");
            assertThat(db.getCollection("blob_chunks").countDocuments()).isEqualTo(3);
            db.getCollection("meta").replaceOne(new Document("_id", "format"), new Document("_id", "format").append("version", 5));
        }
        assertThatThrownBy(() -> Archive.open(new ArchiveLocation(data, Optional.empty())))
                .isInstanceOf(ArchiveException.class).hasMessage("this archive was written by a newer xxgk (archive format 5, "
                        + "this one reads up to 4); use that version or newer");
    }
}
