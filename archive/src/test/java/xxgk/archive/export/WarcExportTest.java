package xxgk.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.store.Capture;
import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;

/**
 * A WARC round trip over a real embedded archive: a response, a 304 revisit, an identical-payload revisit and a capture
 * kept before exchanges were (format 1) exported, then read back with jwarc — every payload the archived bytes.
 */
class WarcExportTest {

    private static final String PDF = "http://www.harbin.gov.cn/zwgk/nb/2021.pdf";
    private static final String PAGE = "http://www.harbin.gov.cn/zwgk/nb/index.html";

    @TempDir
    Path dir;

    @Test
    void everyCaptureComesBackAsItsRecordWithTheArchivedBytes() throws IOException {
        byte[] pdf = "%PDF-1.4 哈尔滨市2021年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8);
        byte[] page = "<html><a href=\"2021.pdf\">年报</a></html>".getBytes(StandardCharsets.UTF_8);
        Path warc = dir.resolve("out.warc.gz");
        Path cdxj = dir.resolve("out.cdxj");
        try (Archive archive = Archive.open(new ArchiveLocation(dir.resolve("data"), Optional.empty()))) {
            Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
            ObjectId response = record(archive, PDF, pdf, t0, 200, Capture.Kind.RESPONSE, null, true,
                    List.of(new HttpHeader("Content-Type", "application/pdf"), new HttpHeader("ETag", "\"e1\""),
                            new HttpHeader("Transfer-Encoding", "chunked")));
            record(archive, PDF, pdf, t0.plusSeconds(86400), 304, Capture.Kind.REVISIT, response, true, List.of(new HttpHeader("ETag", "\"e1\"")));
            ObjectId oldPage = record(archive, PAGE, page, t0.minusSeconds(60), 200, Capture.Kind.RESPONSE, null, false,
                    List.of(new HttpHeader("Content-Type", "text/html")));
            record(archive, PAGE, page, t0.plusSeconds(86400), 200, Capture.Kind.REVISIT, oldPage, true,
                    List.of(new HttpHeader("Content-Type", "text/html")));

            WarcExport.Written written = new WarcExport(archive).write(Optional.empty(), warc);
            assertThat(written).isEqualTo(new WarcExport.Written(4, 2));
        }
        WarcExport.index(warc, "out.warc.gz", cdxj);

        List<Seen> records = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                Seen seen = new Seen(record);
                if (record instanceof WarcRequest r) {
                    seen.concurrentTo = r.concurrentTo();
                    seen.http = r.http().target() + " " + r.http().headers().first("User-Agent").orElse("");
                } else if (record instanceof WarcResponse r) {
                    seen.http = String.valueOf(r.http().status());
                    seen.ip = r.ipAddress().map(Object::toString).orElse("");
                    assertThat(r.http().headers().first("Content-Length")).contains(Long.toString(r.http().body().size()));
                    assertThat(r.http().headers().first("Transfer-Encoding")).as("the body is stored de-chunked").isEmpty();
                    byte[] body = r.http().body().stream().readAllBytes();
                    payloads.add(Sha256.of(body));
                    assertThat(r.payloadDigest().orElseThrow().hex()).isEqualTo(Sha256.of(body));
                } else if (record instanceof WarcRevisit r) {
                    seen.http = String.valueOf(r.http().status());
                    seen.profile = r.profile();
                    seen.refersTo = r.refersTo();
                    seen.refersToTarget = r.refersToTargetURI();
                    seen.digest = r.payloadDigest().orElseThrow().hex();
                }
                records.add(seen);
            }
        }
        assertThat(records).extracting(r -> r.type).containsExactly("Warcinfo",
                "WarcResponse",                 // the page of format 1: no exchange, so no request record
                "WarcRequest", "WarcResponse",  // the PDF
                "WarcRequest", "WarcRevisit",   // the PDF again: 304
                "WarcRequest", "WarcRevisit");  // the page again: the same bytes
        assertThat(payloads).containsExactly(Sha256.of(page), Sha256.of(pdf));

        Seen request = records.get(2);
        assertThat(request.http).isEqualTo("/zwgk/nb/2021.pdf xxgk-test");
        assertThat(request.concurrentTo).contains(records.get(3).id);
        assertThat(records.get(3).ip).isEqualTo("/127.0.0.1");

        Seen notModified = records.get(5);
        assertThat(notModified.profile).isEqualTo(WarcRevisit.SERVER_NOT_MODIFIED_1_1);
        assertThat(notModified.refersTo).contains(records.get(3).id);
        assertThat(notModified.refersToTarget).contains(URI.create(PDF));
        assertThat(notModified.digest).isEqualTo(Sha256.of(pdf));
        assertThat(notModified.http).isEqualTo("304");
        assertThat(records.get(7).profile).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
        assertThat(records.get(7).refersTo).contains(records.get(1).id);

        List<String> index = Files.readAllLines(cdxj);
        assertThat(index).hasSize(4).allMatch(line -> line.startsWith("cn,gov,harbin)/zwgk/nb/"));
        assertThat(index).anyMatch(line -> line.contains("\"status\": \"304\"") || line.contains("\"status\":\"304\""));
    }

    /** What a record said, noted while the reader is on it (its body can be read once). */
    private static final class Seen {
        final String type;
        final URI id;
        String http = "";
        String ip = "";
        String digest = "";
        URI profile;
        List<URI> concurrentTo = List.of();
        Optional<URI> refersTo = Optional.empty();
        Optional<URI> refersToTarget = Optional.empty();

        Seen(WarcRecord record) {
            this.type = record.getClass().getSimpleName();
            this.id = record.id();
        }
    }

    private static ObjectId record(Archive archive, String url, byte[] body, Instant at, int status, Capture.Kind kind, ObjectId refersTo,
                                   boolean exchange, List<HttpHeader> headers) throws IOException {
        String sha = Sha256.of(body);
        if (kind == Capture.Kind.RESPONSE) {
            Path file = Files.createTempFile("body", ".bin");
            try {
                Files.write(file, body);
                archive.blobs().put(file, sha, body.length);
            } finally {
                Files.delete(file);
            }
        }
        String type = headers.stream().filter(h -> h.name().equals("Content-Type")).map(HttpHeader::value).findFirst().orElse("");
        Optional<Exchange> sent = exchange ? Optional.of(new Exchange(URI.create(url).getPath(), "http/1.1",
                List.of(new HttpHeader("User-Agent", "xxgk-test")), Optional.of("127.0.0.1"))) : Optional.empty();
        return archive.captures().record(new Capture(null, url, url, status, headers, at, sha, body.length, type, "harbin", "r1",
                Optional.empty(), Optional.empty(), Optional.empty(), "GET", kind, Optional.ofNullable(refersTo), sent));
    }
}
