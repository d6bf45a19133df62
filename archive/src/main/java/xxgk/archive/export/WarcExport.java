package xxgk.archive.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;

import xxgk.archive.Archive;
import xxgk.archive.store.Capture;
import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;

/**
 * The archive as WARC 1.1, the format pywb, ReplayWeb.page and OpenWayback read: a {@code warcinfo} record, then per
 * capture, oldest first, its {@code request} (where the exchange was kept) and its {@code response} — or for a revisit a
 * {@code revisit} record of the server-not-modified or identical-payload-digest profile referring to the response that
 * holds the bytes. Each record gzipped on its own; payload digests are the archive's SHA-256; and a CDXJ index of it.
 *
 * <p>The bodies are the bytes as archived, which OkHttp had already de-chunked and decompressed: the headers that
 * described the wire form ({@code Transfer-Encoding}, {@code Content-Encoding}, a {@code Content-Length} that no
 * longer holds) are kept as {@code X-Archive-Orig-…}, the Wayback convention, so that readers take the body as it is.
 */
public final class WarcExport {

    /** What was written. */
    public record Written(long captures, long revisits) {
    }

    private static final Set<String> WIRE_FORM = Set.of("transfer-encoding", "content-encoding", "content-length");

    private final Archive archive;

    public WarcExport(Archive archive) {
        this.archive = archive;
    }

    /** Writes the captures (of one site when given) to warc. */
    public Written write(Optional<String> site, Path warc) throws IOException {
        long[] counts = new long[2];
        Map<ObjectId, Response> responses = new HashMap<>();
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            Warcinfo info = new Warcinfo.Builder().filename(warc.getFileName().toString()).date(Instant.now())
                    .fields(Map.of("software", List.of("xxgk"), "format", List.of("WARC File Format 1.1"),
                            "description", List.of("政府信息公开工作年度报告 archive" + site.map(s -> ", site " + s).orElse(""))))
                    .build();
            writer.write(info);
            archive.captures().forEach(site, capture -> {
                try {
                    if (capture.revisit()) {
                        writeRevisit(writer, capture, responses, info.id());
                        counts[1]++;
                    } else {
                        writeResponse(writer, capture, responses, info.id());
                    }
                    counts[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Written(counts[0], counts[1]);
    }

    /** A CDXJ index of a WARC file, sorted, with the offsets of its records; filename names the WARC in it. */
    public static void index(Path warc, String filename, Path cdxj) throws IOException {
        try (Writer out = Files.newBufferedWriter(cdxj, StandardCharsets.UTF_8); CdxWriter cdx = new CdxWriter(out)) {
            cdx.setFormat(CdxFormat.CDXJ);
            cdx.setSort(true);
            try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(warc)) {
                cdx.process(reader, filename);
            }
        }
    }

    /** A response record written, as a revisit refers to it. */
    private record Response(URI recordId, URI target, Instant date) {
    }

    private void writeResponse(WarcWriter writer, Capture c, Map<ObjectId, Response> responses, URI warcinfo) throws IOException {
        byte[] head = responseHead(c, Optional.of(c.size()));
        URI target = URI.create(c.url());
        try (InputStream payload = archive.blobs().open(c.sha256())) {
            WarcResponse.Builder response = new WarcResponse.Builder(target).date(c.fetchedAt()).warcinfoId(warcinfo)
                    .payloadDigest(digest(c.sha256()))
                    .body(MediaType.HTTP_RESPONSE, Channels.newChannel(new SequenceInputStream(new ByteArrayInputStream(head), payload)),
                            head.length + c.size());
            remoteAddress(c).ifPresent(response::ipAddress);
            WarcResponse record = response.build();
            writeRequest(writer, c, record.id(), warcinfo);
            writer.write(record);
            responses.put(c.id(), new Response(record.id(), target, c.fetchedAt()));
        }
    }

    private void writeRevisit(WarcWriter writer, Capture c, Map<ObjectId, Response> responses, URI warcinfo) throws IOException {
        URI profile = c.status() == 304 ? WarcRevisit.SERVER_NOT_MODIFIED_1_1 : WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1;
        WarcRevisit.Builder revisit = new WarcRevisit.Builder(URI.create(c.url()), profile).date(c.fetchedAt()).warcinfoId(warcinfo)
                .payloadDigest(digest(c.sha256())).body(MediaType.HTTP_RESPONSE, responseHead(c, Optional.empty()));
        Response referred = c.refersTo().map(responses::get).orElse(null);
        if (referred != null) {
            revisit.refersTo(referred.recordId(), referred.target(), referred.date());
        }
        remoteAddress(c).ifPresent(revisit::ipAddress);
        WarcRevisit record = revisit.build();
        writeRequest(writer, c, record.id(), warcinfo);
        writer.write(record);
    }

    /** The request as it went on the wire, when the capture kept it (archives before format 2 did not). */
    private static void writeRequest(WarcWriter writer, Capture c, URI concurrentTo, URI warcinfo) throws IOException {
        if (c.exchange().isEmpty()) {
            return;
        }
        Exchange e = c.exchange().get();
        StringBuilder head = new StringBuilder(c.method()).append(' ').append(e.target()).append(' ').append(protocol(c)).append("\r\n");
        for (HttpHeader h : e.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("\r\n");
        writer.write(new WarcRequest.Builder(URI.create(c.url())).date(c.fetchedAt()).warcinfoId(warcinfo).concurrentTo(concurrentTo)
                .body(MediaType.HTTP_REQUEST, bytes(head)).build());
    }

    /** Status line and headers as received; for a body, Content-Length made to match the bytes archived. */
    private static byte[] responseHead(Capture c, Optional<Long> bodyLength) {
        StringBuilder head = new StringBuilder(protocol(c)).append(' ').append(c.status()).append(' ').append(reason(c.status())).append("\r\n");
        for (HttpHeader h : c.headers()) {
            boolean wireForm = WIRE_FORM.contains(h.name().toLowerCase(Locale.ROOT));
            head.append(wireForm && bodyLength.isPresent() ? "X-Archive-Orig-" + h.name() : h.name()).append(": ").append(h.value()).append("\r\n");
        }
        bodyLength.ifPresent(n -> head.append("Content-Length: ").append(n).append("\r\n"));
        return bytes(head.append("\r\n"));
    }

    /**
     * Header text as bytes: one byte per char where every char fits one, as OkHttp read bytes that were not UTF-8
     * (a raw GBK file name), else UTF-8.
     */
    private static byte[] bytes(CharSequence head) {
        boolean latin1 = head.chars().allMatch(ch -> ch < 0x100);
        return head.toString().getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static String protocol(Capture c) {
        return c.exchange().map(Exchange::protocol).orElse("http/1.1").toUpperCase(Locale.ROOT);
    }

    private static Optional<InetAddress> remoteAddress(Capture c) {
        return c.exchange().flatMap(Exchange::remoteAddress).map(ip -> {
            try {
                return InetAddress.getByName(ip); // an address literal: no lookup
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        });
    }

    private static WarcDigest digest(String sha256Hex) {
        return new WarcDigest("sha256", HexFormat.of().parseHex(sha256Hex));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 521 -> "Web Server Is Down";
            default -> "";
        };
    }
}
