package xxgk.crawler.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.LoggerFactory;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.catalog.ReportClassifier;
import xxgk.archive.store.BlobStore;
import xxgk.archive.store.Capture;
import xxgk.archive.text.Extraction;
import xxgk.archive.text.TextExtractor;

/**
 * Archives what the crawl's workers fetched, off their path: a worker puts its answer in the {@link IngestJournal}
 * and hands it over here, and goes on fetching while a few threads of its own store the originals, extract their
 * texts and record the captures, a batch at a time (one write per collection for the lot, and a lookup of the texts
 * of originals held before, where one answer cost about eight round trips to the archive), one thread gathering the
 * next batch while the others archive theirs. The queue is bounded: when the archive falls behind, a worker
 * handing over waits. An answer is counted in the run's tallies once archived, and leaves the journal then.
 *
 * <p>Order within a batch is what {@link CaptureRecorder} promised one answer: originals and texts first, then the
 * captures that point at them.
 */
final class Ingest implements AutoCloseable {

    /** Answers archived in one batch at most. */
    private static final int BATCH = 64;
    /**
     * Answers waiting at most: beyond, a worker handing one over waits (their bodies wait in the journal, a few kB of
     * each in the heap). Enough to ride out the archive's pauses without holding hosts up: at 256, 200 hosts at one
     * request a second waited on it and finished 15 s later (tools/bench-scale, two runs each).
     */
    private static final int WAITING = 1024;
    /**
     * How long a batch waits for more answers once it has one, unless full before: a crawl that fetches a page every
     * few milliseconds would otherwise archive them one or two at a time, and one answer alone cost the archive four
     * times the CPU of one in a batch of 64 (IngestWriteBench). The journal holds them meanwhile.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How often a gathering batch looks whether a drain is waiting for it. */
    private static final long GATHER_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Archive archive;
    private final TextExtractor extractor;
    private final IngestJournal journal;
    private final String runId;
    private final CrawlProgress progress;
    private final ArchiveFailures failures;
    private final BlockingQueue<Spooled> waiting = new ArrayBlockingQueue<>(WAITING);
    private final ExecutorService threads;
    private final Object settled = new Object();
    private int outstanding;
    /** Taken by the thread gathering the next batch: the others archive theirs meanwhile, and batches fill. */
    private final ReentrantLock gathering = new ReentrantLock();
    /** Drains under way: no batch waits for more answers then. */
    private final AtomicInteger draining = new AtomicInteger();

    Ingest(Archive archive, TextExtractor extractor, IngestJournal journal, String runId, CrawlProgress progress,
           ArchiveFailures failures) {
        this.archive = archive;
        this.extractor = extractor;
        this.journal = journal;
        this.runId = runId;
        this.progress = progress;
        this.failures = failures;
        // Text extraction is most of an ingest's CPU: as many threads as it may parse documents at once.
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger named = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "ingest-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < n; i++) {
            threads.execute(this::work);
        }
    }

    /**
     * Archives the answers a dead process left in the journal, before this run fetches anything: those of this run
     * are counted in it. Returns how many; throws if the archive did not take them (they stay for the next crawl).
     */
    int replay() throws IOException {
        List<Spooled> pending = journal.pending();
        for (int i = 0; i < pending.size(); i += BATCH) {
            List<Spooled> batch = pending.subList(i, Math.min(pending.size(), i + BATCH));
            try {
                archive(batch);
            } catch (IOException | RuntimeException e) {
                throw new ArchiveException(pending.size() + " answers a killed crawl fetched could not be archived ("
                        + e.getMessage() + "); they stay in the data directory's ingest journal for the next crawl", e);
            }
        }
        return pending.size();
    }

    /** Keeps the answer in the journal and queues it for archiving; waits while the queue is full. */
    void submit(Spooled answer) throws IOException, InterruptedException {
        Spooled kept = journal.add(answer);
        synchronized (settled) {
            outstanding++;
        }
        try {
            waiting.put(kept);
        } catch (InterruptedException e) {
            settle(1); // it stays in the journal, for the next crawl
            throw e;
        }
    }

    private void settle(int answers) {
        synchronized (settled) {
            outstanding -= answers;
            settled.notifyAll();
        }
    }

    /** Waits until every answer handed over is archived, or failed (and counted so, staying in the journal). */
    void drain() throws InterruptedException {
        draining.incrementAndGet();
        try {
            synchronized (settled) {
                while (outstanding > 0) {
                    settled.wait();
                }
            }
        } finally {
            draining.decrementAndGet();
        }
    }

    private void work() {
        List<Spooled> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                gather(batch);
                try {
                    archiveReportingFailures(batch);
                } catch (Error e) {
                    failures.workerDied(e); // the batch stays in the journal; the run fails, and its next crawl archives it
                } finally {
                    settle(batch.size());
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed
        }
    }

    /** Fills batch with the next answers: up to {@link #BATCH}, waiting up to {@link #GATHER_NANOS} for them after the first. */
    private void gather(List<Spooled> batch) throws InterruptedException {
        gathering.lockInterruptibly();
        try {
            batch.add(waiting.take());
            long until = System.nanoTime() + GATHER_NANOS;
            while (batch.size() < BATCH) {
                waiting.drainTo(batch, BATCH - batch.size());
                long left = until - System.nanoTime();
                if (batch.size() == BATCH || left <= 0 || draining.get() > 0) {
                    return;
                }
                Spooled next = waiting.poll(Math.min(left, GATHER_SLICE_NANOS), TimeUnit.NANOSECONDS);
                if (next != null) {
                    batch.add(next);
                }
            }
        } finally {
            gathering.unlock();
        }
    }

    /**
     * A batch the archive refused is archived again one answer at a time, so that one bad answer fails alone; unless
     * the archive is gone, when each would fail the same way, slowly.
     */
    private void archiveReportingFailures(List<Spooled> batch) {
        try {
            archive(batch);
        } catch (IOException | RuntimeException e) {
            if (batch.size() == 1 || ArchiveFailures.fatal(e)) {
                batch.forEach(answer -> failed(answer, e));
                return;
            }
            for (Spooled answer : batch) {
                try {
                    archive(List.of(answer));
                } catch (IOException | RuntimeException one) {
                    failed(answer, one);
                }
            }
        }
    }

    private void failed(Spooled answer, Exception e) {
        if (answer.capture().run().equals(runId)) {
            failures.failed(answer.site(), answer.url(), e);
        } else {
            LoggerFactory.getLogger(Ingest.class).error("archiving {} of run {}", answer.url(), answer.capture().run(), e);
        }
    }

    private void archive(List<Spooled> batch) throws IOException {
        List<BlobStore.Upload> uploads = new ArrayList<>();
        for (Spooled answer : batch) {
            answer.body().ifPresent(body -> uploads.add(new BlobStore.Upload(body, answer.capture().sha256(), answer.capture().size())));
        }
        Set<String> newOriginals = new HashSet<>(archive.blobs().putAll(uploads));
        // The texts before the captures that need them: a kill or a full disk in between leaves a text nothing points
        // at yet, never a capture without its text.
        Map<String, Spooled> answered = new LinkedHashMap<>();
        batch.stream().filter(a -> a.body().isPresent() && a.capture().status() / 100 == 2)
                .forEach(a -> answered.putIfAbsent(a.capture().sha256(), a));
        // An original stored just now has no text yet (its text is written after it): only the others are looked up.
        Set<String> known = new HashSet<>(answered.keySet());
        known.removeAll(newOriginals);
        answered.keySet().removeAll(archive.texts().containing(known));
        Map<String, Extraction> extracted = new HashMap<>();
        answered.forEach((sha256, a) -> extracted.put(sha256, extractor.extract(a.body().get(), a.nameHint())));
        Map<String, Extraction> texts = archive.texts().putAll(extracted);
        archive.captures().recordAll(batch.stream().map(Spooled::capture).toList());
        for (Spooled answer : batch) {
            if (answer.capture().run().equals(runId)) {
                count(answer, newOriginals.remove(answer.capture().sha256()),
                        Optional.ofNullable(texts.remove(answer.capture().sha256())));
            }
            journal.done(answer);
        }
    }

    /** The run's tallies and notes for an archived answer, as one answer archived at once was counted. */
    private void count(Spooled answer, boolean newOriginal, Optional<Extraction> text) {
        Capture c = answer.capture();
        if (c.status() == 304) {
            progress.notModified(c.site());
        } else {
            progress.fetched(c.site(), c.size(), newOriginal);
        }
        text.filter(t -> t.status() != Extraction.Status.OK).ifPresent(t ->
                progress.note(c.site(), c.url(), "text " + t.status() + t.problem().map(p -> ": " + p).orElse("")));
        if (!answer.robotsTxt() && c.status() / 100 == 2) {
            ReportClassifier.reportNamed(List.of(c.anchor().orElse(""), c.filename().orElse(""))).ifPresent(progress::reportLinked);
        }
        if (answer.wall().isPresent()) {
            progress.walled(c.site(), c.url(), answer.wall().get());
        } else if (!answer.robotsTxt() && c.status() >= 400) {
            progress.failed(c.site(), c.url(), "HTTP " + c.status());
        }
    }

    /** Stops its threads; what they had not archived stays in the journal. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
