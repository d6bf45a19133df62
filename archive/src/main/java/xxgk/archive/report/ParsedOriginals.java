package xxgk.archive.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import xxgk.archive.store.BlobStore;
import xxgk.archive.store.ParseStore;
import xxgk.archive.store.StoredParse;

/**
 * The tables of archived originals: each original is parsed from its archived bytes once per parser version and
 * the result kept in the {@link ParseStore}. A document that breaks the parser, or keeps it busy too long, is
 * stored with its problem; it never stops the caller.
 */
public final class ParsedOriginals implements AutoCloseable {

    /** Larger originals are not parsed (a report is a few MB at most); they stay archived. */
    static final long MAX_BYTES = 64L << 20;
    /** Parses given up after their timeout (their threads cannot be stopped) before this process parses no more. */
    static final int MAX_ABANDONED = 2;

    private final BlobStore blobs;
    private final ParseStore parses;
    private final ReportParser parser = new ReportParser();
    private final Duration timeout;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "report-parser");
        t.setDaemon(true);
        return t;
    });

    public ParsedOriginals(BlobStore blobs, ParseStore parses, Duration timeout) {
        this.blobs = blobs;
        this.parses = parses;
        this.timeout = timeout;
    }

    /** True when the original has a parse from this parser version. */
    public boolean parsed(String sha256) {
        return parses.parserVersion(sha256).filter(ReportParser.VERSION::equals).isPresent();
    }

    /**
     * Parses the original again, whatever is stored. After {@link #MAX_ABANDONED} timeouts, abandoned parses may still
     * hold the CPU: the rest are left unparsed (and unstored) for a fresh process, such as {@code xxgk reparse}.
     */
    public StoredParse reparse(String sha256, String name) {
        if (abandoned.get() >= MAX_ABANDONED) {
            return failed(sha256, "not parsed: " + MAX_ABANDONED + " documents timed out in this process; run xxgk reparse");
        }
        StoredParse parse = run(sha256, name);
        parses.put(parse);
        return parse;
    }

    private StoredParse run(String sha256, String name) {
        Future<StoredParse> job = worker.submit(() -> {
            ParsedReport report = parser.parse(read(sha256), name);
            var cells = ReportJson.flatRow(report);
            return new StoredParse(sha256, ReportParser.VERSION, now(), Optional.of(ReportJson.toJson(report).toString()),
                    Optional.of(ReportJson.cellsJson(cells)), report.tables().cellCount(), Optional.empty());
        });
        try {
            return job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            abandoned.incrementAndGet();
            return failed(sha256, "no result after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return failed(sha256, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            throw new IllegalStateException("interrupted while parsing " + name, e);
        }
    }

    private byte[] read(String sha256) throws IOException {
        try (InputStream in = blobs.open(sha256)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + (MAX_BYTES >> 20) + " MB; not parsed");
            }
            return bytes;
        }
    }

    private static StoredParse failed(String sha256, String problem) {
        return new StoredParse(sha256, ReportParser.VERSION, now(), Optional.empty(), Optional.empty(), 0, Optional.of(problem));
    }

    /** Stored to the millisecond, as MongoDB keeps it. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
