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

import java.util.Date;

import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

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
        byte[] bytes = new byte[3 * BlobStore.CHUNK + 17]; // several chunks
        new Random(42).nextBytes(bytes);
        String sha = Sha256.of(bytes);
        assertThat(archive.blobs().put(file(bytes), sha, bytes.length)).isTrue();
        assertThat(archive.blobs().put(file(bytes), sha, bytes.length)).isFalse();
        try (InputStream in = archive.blobs().open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aBatchOfOriginalsStoresEachOnceAndNamesThoseNewToTheArchive() throws IOException {
        byte[] held = "<html>已存的页面</html>".getBytes(StandardCharsets.UTF_8);
        byte[] page = "<html>新的页面</html>".getBytes(StandardCharsets.UTF_8);
        byte[] document = new byte[BlobStore.CHUNK + 9]; // chunked
        new Random(3).nextBytes(document);
        archive.blobs().put(file(held), Sha256.of(held), held.length);
        // Two URLs answering the same page, one original held before, one large: each stored once.
        assertThat(archive.blobs().putAll(List.of(upload(held), upload(page), upload(page), upload(document))))
                .containsExactlyInAnyOrder(Sha256.of(page), Sha256.of(document));
        assertThat(archive.blobs().putAll(List.of(upload(page), upload(document), upload(held)))).isEmpty();
        for (byte[] bytes : List.of(held, page, document)) {
            try (InputStream in = archive.blobs().open(Sha256.of(bytes))) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    private BlobStore.Upload upload(byte[] bytes) throws IOException {
        return new BlobStore.Upload(file(bytes), Sha256.of(bytes), bytes.length);
    }

    @Test
    void anOriginalIsFoundByItsDigestAloneInlineOrInChunksKeyedByDigestAndSequence() throws IOException {
        byte[] page = "<html>小页面</html>".getBytes(StandardCharsets.UTF_8);
        byte[] document = new byte[2 * BlobStore.CHUNK + 5];
        new Random(7).nextBytes(document);
        archive.blobs().put(file(page), Sha256.of(page), page.length);
        archive.blobs().put(file(document), Sha256.of(document), document.length);
        try (MongoClient client = MongoClients.create(xxgk.archive.EmbeddedArchiveClient.connectionString(dir.resolve("data")))) {
            MongoDatabase db = client.getDatabase(Archive.DEFAULT_DATABASE);
            org.bson.Document small = db.getCollection("blobs").find(new org.bson.Document("_id", Sha256.of(page))).first();
            assertThat(small.get("data", Binary.class).getData()).isEqualTo(page);
            org.bson.Document large = db.getCollection("blobs").find(new org.bson.Document("_id", Sha256.of(document))).first();
            assertThat(large.getInteger("chunks")).isEqualTo(3);
            assertThat(db.getCollection("blob_chunks").distinct("_id", String.class).into(new java.util.ArrayList<>()))
                    .containsExactly(Sha256.of(document) + "/000000", Sha256.of(document) + "/000001", Sha256.of(document) + "/000002");
            assertThat(db.listCollectionNames().into(new java.util.ArrayList<>())).doesNotContain("raw.files", "raw.chunks");
        }
        try (InputStream in = archive.blobs().open(Sha256.of(document))) {
            assertThat(in.readAllBytes()).isEqualTo(document);
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

    @Test
    void aBatchOfCapturesRecordedAgainAfterAKillRecordsTheMissingOnesAndListsEachOnce() {
        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        CaptureStore captures = archive.captures();
        Capture first = withId(capture("http://a.gov.cn/a", t1, "a1"));
        Capture second = withId(capture("http://b.gov.cn/b", t1, "b1"));
        Capture later = withId(capture("http://a.gov.cn/a", t1.plusSeconds(60), "a2"));
        captures.recordAll(List.of(first));
        // The journal replayed after a kill that came after the first was recorded.
        captures.recordAll(List.of(first, second, later));
        captures.recordAll(List.of(first, second, later));
        assertThat(captures.count()).isEqualTo(3);
        assertThat(captures.history("http://a.gov.cn/a")).extracting(Capture::id).containsExactly(first.id(), later.id());
        assertThat(captures.history("http://b.gov.cn/b")).extracting(Capture::id).containsExactly(second.id());
        assertThat(captures.latestPerUrl(Optional.empty())).extracting(Capture::id).containsExactly(later.id(), second.id());
    }

    private static Capture withId(Capture c) {
        return new Capture(new ObjectId(), c.url(), c.finalUrl(), c.status(), c.headers(), c.fetchedAt(), c.sha256(), c.size(),
                c.contentType(), c.site(), c.run(), c.foundOn(), c.filename(), c.anchor(), c.method());
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
    void aWriteKilledBeforeItsDocumentLeavesNoOriginalAndOnlySweepableChunks() throws IOException {
        byte[] kept = "保留的原件".getBytes(StandardCharsets.UTF_8);
        archive.blobs().put(file(kept), Sha256.of(kept), kept.length);
        byte[] killed = new byte[BlobStore.CHUNK + 500];
        new Random(3).nextBytes(killed);
        String killedSha = Sha256.of(killed);
        Instant now = Instant.now();
        try (MongoClient client = MongoClients.create(xxgk.archive.EmbeddedArchiveClient.connectionString(dir.resolve("data")))) {
            var chunks = client.getDatabase(Archive.DEFAULT_DATABASE).getCollection("blob_chunks");
            // Killed after its first chunk, an hour ago: no document publishes it.
            chunks.insertOne(new org.bson.Document("_id", killedSha + "/000000").append("data", new Binary(java.util.Arrays.copyOf(killed, BlobStore.CHUNK)))
                    .append("written_at", Date.from(now.minusSeconds(3600))));
            // A write under way now: too young to judge.
            chunks.insertOne(new org.bson.Document("_id", "f".repeat(64) + "/000000").append("data", new Binary(new byte[10]))
                    .append("written_at", new Date()));
        }
        assertThat(archive.blobs().contains(killedSha)).isFalse();
        assertThatThrownBy(() -> archive.blobs().open(killedSha)).hasMessageContaining("no original");

        assertThat(archive.blobs().sweep(now.minusSeconds(60))).isEqualTo(new BlobStore.Swept(1, BlobStore.CHUNK));
        assertThat(archive.blobs().sweep(now.minusSeconds(60))).isEqualTo(new BlobStore.Swept(0, 0));
        try (InputStream in = archive.blobs().open(Sha256.of(kept))) {
            assertThat(in.readAllBytes()).isEqualTo(kept);
        }
        // Storing the same bytes again writes them whole.
        assertThat(archive.blobs().put(file(killed), killedSha, killed.length)).isTrue();
        try (InputStream in = archive.blobs().open(killedSha)) {
            assertThat(in.readAllBytes()).isEqualTo(killed);
        }
    }

    @Test
    void theLatestCaptureOfEachUrlIsListedInUrlOrderBySiteTimeAndLimit() {
        CaptureStore captures = archive.captures();
        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2024-06-01T00:00:00Z");
        captures.record(capture("http://a.gov.cn/c", t2, "c2"));
        captures.record(capture("http://a.gov.cn/c", t1, "c1")); // recorded later, fetched earlier: not the latest
        captures.record(capture("http://a.gov.cn/a", t1, "a1"));
        captures.record(capture("http://b.gov.cn/b", t2, "b2"));
        List<String> listed = new java.util.ArrayList<>();
        captures.forEachLatest(new CaptureStore.Listing(Optional.empty(), Optional.empty(), 0), c -> listed.add(c.sha256()));
        assertThat(listed).containsExactly("a1", "c2", "b2");
        listed.clear();
        captures.forEachLatest(new CaptureStore.Listing(Optional.of("a"), Optional.of(t2), 0), c -> listed.add(c.sha256()));
        assertThat(listed).containsExactly("c2");
        listed.clear();
        captures.forEachLatest(new CaptureStore.Listing(Optional.empty(), Optional.empty(), 2), c -> listed.add(c.sha256()));
        assertThat(listed).containsExactly("a1", "c2");
        for (CaptureStore.Listing listing : List.of(new CaptureStore.Listing(Optional.empty(), Optional.empty(), 0),
                new CaptureStore.Listing(Optional.of("a"), Optional.of(t2), 0), new CaptureStore.Listing(Optional.empty(), Optional.empty(), 2))) {
            assertListedAsLatestWithoutHeadersAndExchange(captures, listing);
        }
        // A crawl records its captures in batches.
        captures.recordAll(List.of(new Capture(new ObjectId(), "http://a.gov.cn/a", "http://a.gov.cn/a", 304, List.of(new HttpHeader("ETag", "\"1\"")),
                t2, "a1", 3, "text/html", "a", "run-2", Optional.empty(), Optional.empty(), Optional.empty(), "GET", Capture.Kind.REVISIT,
                Optional.empty(), Optional.of(new Exchange("/a", "HTTP/1.1", List.of(new HttpHeader("If-None-Match", "\"1\"")), Optional.empty())))));
        assertListedAsLatestWithoutHeadersAndExchange(captures, new CaptureStore.Listing(Optional.empty(), Optional.empty(), 0));
    }

    /** What {@code xxgk list} reads is the latest capture of each URL, its headers and exchange left out. */
    private static void assertListedAsLatestWithoutHeadersAndExchange(CaptureStore captures, CaptureStore.Listing listing) {
        List<Capture> latest = new java.util.ArrayList<>();
        captures.forEachLatest(listing, latest::add);
        List<Capture> listed = new java.util.ArrayList<>();
        captures.forEachListed(listing, listed::add);
        assertThat(latest).isNotEmpty().anyMatch(c -> !c.headers().isEmpty());
        assertThat(listed).allMatch(c -> c.headers().isEmpty() && c.exchange().isEmpty())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("headers", "exchange").containsExactlyElementsOf(latest);
    }

    @Test
    void aListingOfMoreUrlsThanABatchComesInUrlOrderEachUrlOnceUnderItsCurrentSite() {
        CaptureStore captures = archive.captures();
        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            urls.add("http://" + (i % 2 == 0 ? "a" : "b") + ".gov.cn/p" + i);
        }
        List<String> shuffled = new java.util.ArrayList<>(urls);
        java.util.Collections.shuffle(shuffled, new Random(14));
        for (int i = 0; i < shuffled.size(); i++) {
            captures.record(capture(shuffled.get(i), t1.plusSeconds(i), "s" + i));
        }
        // The site's configuration changed: a.gov.cn/p0 is b's now.
        captures.record(new Capture(null, "http://a.gov.cn/p0", "http://a.gov.cn/p0", 200, List.of(), t1.plusSeconds(5000), "moved", 3,
                "text/html", "b", "run-2", Optional.empty(), Optional.empty(), Optional.empty(), "GET"));
        List<String> sorted = urls.stream().sorted().toList();

        List<Capture> all = new java.util.ArrayList<>();
        captures.forEachLatest(new CaptureStore.Listing(Optional.empty(), Optional.empty(), 0), all::add);
        assertThat(all).extracting(Capture::url).containsExactlyElementsOf(sorted);
        assertThat(all.get(sorted.indexOf("http://a.gov.cn/p0"))).extracting(Capture::sha256, Capture::site).containsExactly("moved", "b");

        List<String> ofA = new java.util.ArrayList<>();
        captures.forEachLatest(new CaptureStore.Listing(Optional.of("a"), Optional.empty(), 0), c -> ofA.add(c.url()));
        assertThat(ofA).containsExactlyElementsOf(sorted.stream().filter(u -> u.contains("a.gov") && !u.endsWith("/p0")).toList());

        List<String> first = new java.util.ArrayList<>();
        captures.forEachLatest(new CaptureStore.Listing(Optional.empty(), Optional.empty(), 700), c -> first.add(c.url()));
        assertThat(first).containsExactlyElementsOf(sorted.subList(0, 700));

        Instant since = t1.plusSeconds(900);
        List<String> recent = new java.util.ArrayList<>();
        captures.forEachLatest(new CaptureStore.Listing(Optional.of("b"), Optional.of(since), 0), c -> recent.add(c.url()));
        assertThat(recent).containsExactlyElementsOf(all.stream().filter(c -> c.site().equals("b") && !c.fetchedAt().isBefore(since))
                .map(Capture::url).toList()).contains("http://a.gov.cn/p0");
    }
}
