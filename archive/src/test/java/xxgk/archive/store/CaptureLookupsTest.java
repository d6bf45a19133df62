package xxgk.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;

/** The lookups a crawl makes for many URLs at once answer what the lookups of one URL at a time answer. */
class CaptureLookupsTest {

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

    private static Capture response(String url, Instant at, String sha) {
        return new Capture(new ObjectId(), url, url, 200, List.of(), at, sha, 3, "text/html", "a", "run-1",
                Optional.empty(), Optional.empty(), Optional.empty(), "GET", Capture.Kind.RESPONSE, Optional.empty(), Optional.empty());
    }

    private static Capture revisit(Capture of, Instant at) {
        return new Capture(new ObjectId(), of.url(), of.url(), 304, List.of(), at, of.sha256(), of.size(), of.contentType(), "a",
                "run-2", Optional.empty(), Optional.empty(), Optional.empty(), "GET", Capture.Kind.REVISIT, Optional.of(of.id()),
                Optional.empty());
    }

    @Test
    void theLatestCapturesOfManyUrlsAndTheContentTheyStandForComeAsLookingEachUpGivesThem() {
        Instant t = Instant.parse("2024-03-01T00:00:00Z");
        Capture first = response("http://a.gov.cn/1", t, "aaa");
        Capture changed = response("http://a.gov.cn/2", t, "bbb");
        Capture changedAgain = response("http://a.gov.cn/2", t.plusSeconds(60), "ccc");
        Capture notModified = revisit(first, t.plusSeconds(60));
        CaptureStore captures = archive.captures();
        captures.recordAll(List.of(first, changed, changedAgain, notModified));

        Map<String, Capture> latest = captures.latestOf(List.of("http://a.gov.cn/1", "http://a.gov.cn/2", "http://a.gov.cn/never"));

        assertThat(latest).containsOnlyKeys("http://a.gov.cn/1", "http://a.gov.cn/2");
        assertThat(latest.get("http://a.gov.cn/1")).isEqualTo(captures.latest("http://a.gov.cn/1").orElseThrow()).isEqualTo(notModified);
        assertThat(latest.get("http://a.gov.cn/2")).isEqualTo(changedAgain);
        Map<ObjectId, Capture> contents = captures.contentsOf(latest.values());
        assertThat(contents.get(notModified.id())).as("a revisit stands for the response it refers to").isEqualTo(first);
        assertThat(contents.get(changedAgain.id())).as("a response for itself").isEqualTo(changedAgain);
    }
}
