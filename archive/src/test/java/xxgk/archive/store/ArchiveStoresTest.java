package xxgk.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import java.io.ByteArrayInputStream;
import java.util.Date;

import org.bson.BsonObjectId;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;

class ArchiveStoresTest {

    @TempDir
    Path dir;
    Archive archive;

    @BeforeEach
    void open() {
        archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()));
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "blob", ".bin"), bytes);
    }

    @Test
    void identicalBytesAreStoredOnceAndComeBackExactly() throws IOException {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17]; // several GridFS chunks
        new Random(42).nextBytes(bytes);
        String sha = Sha256.of(bytes);
        assertThat(archive.blobs().put(file(bytes), sha, bytes.length)).isTrue();
        assertThat(archive.blobs().put(file(bytes), sha, bytes.length)).isFalse();
        try (InputStream in = archive.blobs().open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aDamagedOriginalIsReportedOnRead() throws IOException {
        byte[] bytes = "原件".getBytes(StandardCharsets.UTF_8);
        String wrong = Sha256.of("something else".getBytes(StandardCharsets.UTF_8));
        archive.blobs().put(file(bytes), wrong, bytes.length);
        try (InputStream in = archive.blobs().open(wrong)) {
            assertThatThrownBy(in::readAllBytes).hasMessageContaining("is damaged");
        }
    }

    @Test
    void latestCaptureAndCaptureAtATime() {
        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2024-06-01T00:00:00Z");
        CaptureStore captures = archive.captures();
        captures.record(capture("http://a.gov.cn/nb.pdf", t1, "aaa"));
        captures.record(capture("http://a.gov.cn/nb.pdf", t2, "bbb"));
        captures.record(capture("http://b.gov.cn/", t1, "ccc"));

        assertThat(captures.latest("http://a.gov.cn/nb.pdf")).map(Capture::sha256).contains("bbb");
        assertThat(captures.atOrBefore("http://a.gov.cn/nb.pdf", t2.minusSeconds(1))).map(Capture::sha256).contains("aaa");
        assertThat(captures.atOrBefore("http://a.gov.cn/nb.pdf", t1.minusSeconds(1))).isEmpty();
        assertThat(captures.latest("http://nowhere/")).isEmpty();
        assertThat(captures.sites()).containsExactly("a", "b");
        assertThat(captures.latestPerUrl(Optional.empty())).extracting(Capture::sha256).containsExactly("bbb", "ccc");
        assertThat(captures.latestPerUrl(Optional.of("b"))).extracting(Capture::url).containsExactly("http://b.gov.cn/");
        Capture back = captures.latest("http://b.gov.cn/").orElseThrow();
        assertThat(back.headers()).containsExactly(new HttpHeader("Content-Type", "text/html"));
        assertThat(back.foundOn()).contains("http://a.gov.cn/");
    }

    private static Capture capture(String url, Instant at, String sha) {
        String site = url.contains("b.gov") ? "b" : "a";
        return new Capture(null, url, url, 200, List.of(new HttpHeader("Content-Type", "text/html")), at, sha, 3,
                "text/html", site, "run-1", Optional.of("http://a.gov.cn/"), Optional.empty(), Optional.empty(), "GET");
    }

    @Test
    void runsKeepTalliesProblemsAndOutcome() {
        RunStore runs = archive.runs();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        String id = runs.start(List.of("a", "b"), start, "test:/data");
        runs.finish(id, CrawlRun.Status.FINISHED, start.plusSeconds(60),
                List.of(new SiteTally("a", 10, 1000, 4, 1, 2, 3, 6, 1)),
                List.of(new CrawlProblem(start, "a", "http://a.gov.cn/x", "503 after 3 tries")));
        CrawlRun run = runs.get(id).orElseThrow();
        assertThat(run.status()).isEqualTo(CrawlRun.Status.FINISHED);
        assertThat(run.tallies()).containsExactly(new SiteTally("a", 10, 1000, 4, 1, 2, 3, 6, 1));
        assertThat(run.problems()).hasSize(1);
        assertThat(runs.lastFinished("b")).contains(start.plusSeconds(60));
        assertThat(runs.lastFinished("c")).isEmpty();
    }

    @Test
    void sweepingRemovesOnlyWhatKilledUploadsLeftBehind() throws IOException {
        byte[] kept = "保留的原件".getBytes(StandardCharsets.UTF_8);
        archive.blobs().put(file(kept), Sha256.of(kept), kept.length);
        Instant now = Instant.now();
        Date anHourAgo = Date.from(now.minusSeconds(3600));
        try (MongoClient client = MongoClients.create(xxgk.archive.EmbeddedArchiveClient.connectionString(dir.resolve("data")))) {
            sweepLeftovers(client.getDatabase(Archive.DEFAULT_DATABASE), kept, now, anHourAgo);
        }
    }

    private void sweepLeftovers(MongoDatabase db, byte[] kept, Instant now, Date anHourAgo) throws IOException {
        GridFSBucket raw = GridFSBuckets.create(db, "raw");
        // Killed between upload and publication: a whole GridFS file no digest names.
        raw.uploadFromStream(new BsonObjectId(new ObjectId(anHourAgo)), "x", new ByteArrayInputStream(new byte[1000]));
        // Killed mid-upload: chunks of a file never completed.
        db.getCollection("raw.chunks").insertOne(new org.bson.Document("files_id", new ObjectId(anHourAgo)).append("n", 0)
                .append("data", new Binary(new byte[500])));
        // An upload under way now: too young to judge.
        raw.uploadFromStream(new BsonObjectId(new ObjectId()), "y", new ByteArrayInputStream(new byte[10]));

        BlobStore.Swept swept = archive.blobs().sweep(now.minusSeconds(60));

        assertThat(swept).isEqualTo(new BlobStore.Swept(2, 1500));
        assertThat(db.getCollection("raw.files").countDocuments()).isEqualTo(2);
        try (InputStream in = archive.blobs().open(Sha256.of(kept))) {
            assertThat(in.readAllBytes()).isEqualTo(kept);
        }
        assertThat(archive.blobs().sweep(now.minusSeconds(60))).isEqualTo(new BlobStore.Swept(0, 0));
    }
}
