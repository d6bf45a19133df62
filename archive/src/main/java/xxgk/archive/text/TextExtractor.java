package xxgk.archive.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.Tika;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.BoundedInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an original into text with Apache Tika: PDF, DOC, DOCX, WPS (Word 97 inside), XLS(X), HTML, and the
 * members of ZIP archives, through the process's one {@link TikaParser}. A broken, encrypted or
 * hostile document becomes a FAILED extraction, never an exception; a document that keeps the parser busy
 * too long is abandoned as TIMEOUT; one that expands past the {@link Decompression} limits is a BOMB (or TRUNCATED),
 * with the text read until then.
 */
public final class TextExtractor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);
    /** Characters extracted per document at most (a memory bound); the longest real reports are far below this. */
    static final int TEXT_LIMIT = 8 << 20;
    /**
     * Bytes of a page handed to the HTML parser at most: it builds the whole page in memory (a 52.8 MB page took
     * over 256 MB of heap), so a longer page's text is that of its first part, flagged TRUNCATED. Its links are
     * read from the whole page, as a stream, by the crawler.
     */
    static final int HTML_LIMIT = 16 << 20;

    private final AutoDetectParser parser = TikaParser.shared();
    /**
     * Tika's HTML parser, handed a page directly once its type is detected: through the AutoDetectParser a page's
     * type was detected twice, half of the CPU time Tika spent on a crawl's small pages.
     */
    private final Parser htmlParser = parserOf(parser, MediaType.TEXT_HTML);
    private final String version = Tika.getString();
    private final Duration timeout;
    /**
     * Documents parsed at once at most: parsing is CPU-bound, and each parse can take tens of MB of heap, so a crawl's
     * many workers (one per host under way) must not all parse at once within the launcher's small heap.
     */
    private final Semaphore parsing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tika");
        t.setDaemon(true);
        return t;
    });

    public TextExtractor(Duration timeout) {
        this.timeout = timeout;
    }

    public TextExtractor() {
        this(Duration.ofMinutes(2));
    }

    /** Extracts the text of the file; name is a file name or URL path that hints at the type. */
    public Extraction extract(Path file, String name) {
        try {
            parsing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to extract " + name, e);
        }
        try {
            return extractInTime(file, name);
        } finally {
            parsing.release();
        }
    }

    private Extraction extractInTime(Path file, String name) {
        Future<Extraction> job = workers.submit(() -> parse(file, name));
        try {
            return job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            return new Extraction(MediaType.OCTET_STREAM.toString(), Optional.empty(), "", Extraction.Status.TIMEOUT,
                    Optional.of("no text after " + timeout.toSeconds() + " s"), version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            throw new IllegalStateException("interrupted while extracting " + name, e);
        } catch (ExecutionException e) {
            LOG.warn("extracting {}", name, e.getCause());
            return failed(MediaType.OCTET_STREAM.toString(), e.getCause());
        }
    }

    private Extraction parse(Path file, String name) throws IOException {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        ParseContext context = new ParseContext();
        long size = Files.size(file);
        Decompression limits = new Decompression(size);
        context.set(Parser.class, new BoundedEmbeddedParser(parser, limits)); // descend into ZIP members and embedded files, boundedly
        MediaType type;
        try (InputStream probe = TikaInputStream.get(file)) {
            type = parser.getDetector().detect(probe, metadata);
        }
        String mediaType = type.toString();
        Optional<Charset> textCharset = textCharset(type, file);
        textCharset.ifPresent(cs -> context.set(EncodingDetector.class, (in, md) -> cs));
        BodyContentHandler handler = new BodyContentHandler(TEXT_LIMIT);
        boolean cut = type.getSubtype().contains("html") && size > HTML_LIMIT;
        boolean html = type.equals(MediaType.TEXT_HTML) || type.equals(MediaType.application("xhtml+xml"));
        if (html) {
            metadata.set(Metadata.CONTENT_TYPE, mediaType);
        }
        try (InputStream in = cut ? TikaInputStream.get(new BoundedInputStream(HTML_LIMIT, Files.newInputStream(file))) : TikaInputStream.get(file)) {
            (html ? htmlParser : parser).parse(in, handler, metadata, context);
        } catch (Exception e) {
            if (limits.stopped().isPresent()) {
                return stoppedShort(mediaType, textCharset, handler, limits.stopped().get());
            }
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return new Extraction(mediaType, textCharset.map(Charset::name), handler.toString(), Extraction.Status.TRUNCATED,
                        Optional.of("text longer than " + TEXT_LIMIT + " characters"), version);
            }
            return failed(mediaType, e);
        }
        if (limits.stopped().isPresent()) {
            // Tika records a failed member and goes on with the next: the limit was still crossed.
            return stoppedShort(mediaType, textCharset, handler, limits.stopped().get());
        }
        String text = handler.toString().strip();
        if (cut) {
            return new Extraction(mediaType, textCharset.map(Charset::name), text, Extraction.Status.TRUNCATED,
                    Optional.of("page of " + (size >> 20) + " MB: text of its first " + (HTML_LIMIT >> 20) + " MB"), version);
        }
        return new Extraction(mediaType, textCharset.map(Charset::name), text,
                text.isEmpty() ? Extraction.Status.EMPTY : Extraction.Status.OK, Optional.empty(), version);
    }

    /**
     * The parser a composite parser hands type to, looked up once: the composite looks it up for every document, and
     * Tika's default one builds its whole map of types to parsers to do it.
     */
    private static Parser parserOf(Parser parser, MediaType type) {
        Parser found = parser;
        while (found instanceof CompositeParser composite) {
            Parser inner = composite.getParsers().get(type);
            if (inner == null || inner == found) {
                break;
            }
            found = inner;
        }
        return found;
    }

    private Extraction stoppedShort(String mediaType, Optional<Charset> charset, BodyContentHandler handler,
                                    Decompression.LimitException limit) {
        Extraction.Status status = limit.verdict() == Decompression.Verdict.BOMB ? Extraction.Status.BOMB : Extraction.Status.TRUNCATED;
        return new Extraction(mediaType, charset.map(Charset::name), handler.toString().strip(), status,
                Optional.of(limit.getMessage()), version);
    }

    /** For HTML and plain text, the charset {@link HtmlCharset} decides; Tika's own guess is not used. */
    private static Optional<Charset> textCharset(MediaType type, Path file) throws IOException {
        if (!type.getType().equals("text") && !type.getSubtype().contains("html")) {
            return Optional.empty();
        }
        // No more than the text limit can use is read: a huge page's charset is judged on its first part.
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(HtmlCharset.detect(in.readNBytes(TEXT_LIMIT), null));
        }
    }

    private Extraction failed(String mediaType, Throwable e) {
        String problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Extraction(mediaType, Optional.empty(), "", Extraction.Status.FAILED, Optional.of(problem), version);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
