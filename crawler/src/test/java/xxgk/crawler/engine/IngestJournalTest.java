package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import xxgk.archive.store.Capture;
import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;

/** What the ingest journal keeps of an answer is what a later crawl reads back, body and all. */
class IngestJournalTest {

    @TempDir
    Path data;

    @Test
    void anAnswerKeptIsReadBackWhole() throws Exception {
        IngestJournal journal = IngestJournal.in(data);
        Path spooled = Files.writeString(Files.createDirectories(data.resolve("spool")).resolve("fetch-1.part"), "<html>年报</html>");
        Spooled kept = journal.add(new Spooled(capture("http://a.gov.cn/list/", Optional.of("http://a.gov.cn/"), Optional.of("信息公开")),
                Optional.of(spooled), "list", Optional.empty(), false));
        Spooled robots = journal.add(new Spooled(capture("http://a.gov.cn/robots.txt", Optional.empty(), Optional.empty()),
                Optional.empty(), "robots.txt", Optional.of("a challenge page (JavaScript)"), true));

        assertThat(spooled).doesNotExist();
        assertThat(journal.pending()).containsExactly(kept, robots);
        assertThat(kept.body()).hasValueSatisfying(body -> assertThat(body).hasContent("<html>年报</html>"));

        journal.done(kept);
        journal.done(robots);
        assertThat(journal.pending()).isEmpty();
        assertThat(data.resolve("ingest")).isEmptyDirectory();
    }

    private static Capture capture(String url, Optional<String> foundOn, Optional<String> anchor) {
        // Milliseconds: the archive keeps a capture's time so, and so does the journal.
        return new Capture(new ObjectId(), url, url, 200, List.of(new HttpHeader("Content-Type", "text/html; charset=utf-8")),
                Instant.ofEpochMilli(1_764_900_000_123L), "ab".repeat(32), 19, "text/html; charset=utf-8", "a", "run-1",
                foundOn, Optional.empty(), anchor, "GET", Capture.Kind.RESPONSE, Optional.empty(),
                Optional.of(new Exchange("/list/", "HTTP/1.1", List.of(new HttpHeader("Host", "a.gov.cn")), Optional.of("127.0.0.1"))));
    }
}
