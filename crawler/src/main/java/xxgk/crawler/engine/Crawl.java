package xxgk.crawler.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import crawlercommons.filters.basic.BasicURLNormalizer;
import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.url.TLDList;
import org.slf4j.LoggerFactory;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveCheck;
import xxgk.archive.Cataloguing;
import xxgk.archive.ArchiveException;
import xxgk.archive.catalog.ReportChange;
import xxgk.archive.store.Capture;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.text.TextExtractor;
import xxgk.archive.url.UrlNormalizer;
import xxgk.config.Site;
import xxgk.crawler.fetch.HostPoliteness;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.ResolveOverrides;
import xxgk.crawler.navigation.ColumnPath;
import xxgk.crawler.navigation.Focus;

/**
 * One crawl run over a set of sites, driven by crawler4j: its workers, URL table and depth; fetching, robots.txt,
 * link extraction, archiving and the order URLs are handed out in ({@link HostSchedule}) are ours, plugged into it.
 *
 * <p>The frontier lives in the data directory while a run is under way and is removed when it finishes. A run
 * that was killed leaves it behind, and the next crawl of the same sites continues that run where it stopped.
 */
public final class Crawl {

    /** How a crawl is run, beyond the sites' own settings; progressEvery is how often the run record is saved. */
    public record Options(int threads, HttpFetcher.Settings http, ResolveOverrides resolve, Duration progressEvery) {
        /**
         * Workers by default. A worker is a thread that fetches a URL of a host that is due and archives it; a host is
         * asked once a second at most, so keeping a few hundred hosts busy takes a few dozen workers, not one each.
         */
        public static final int WORKERS = 32;

        public static Options defaults() {
            return new Options(WORKERS, HttpFetcher.Settings.defaults(), ResolveOverrides.none(), Duration.ofSeconds(5));
        }
    }

    /** Longer than HSQLDB takes to give up the lock of a frontier whose process died (its heartbeat is every 10 s). */
    private static final Duration FRONTIER_LOCK_EXPIRY = Duration.ofSeconds(20);

    /** Captures recorded again at once when a frontier is checked against the archive. */
    private static final int REPAIR_BATCH = 500;

    /** The changes a summary names; the rest are counted. */
    private static final int SUMMARY_CHANGES = 30;

    /** How long a stop (Ctrl-C, SIGTERM) waits for the workers to finish and the run to be recorded. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** How often the progress line is refreshed; the display decides how often it is shown. */
    private static final Duration PROGRESS_TICK = Duration.ofSeconds(1);

    private final Archive archive;
    private final Path dataDir;
    private final TextExtractor extractor;
    private final PrintStream out;
    private final ProgressDisplay display;

    public Crawl(Archive archive, Path dataDir, TextExtractor extractor, PrintStream out) {
        this(archive, dataDir, extractor, out, ProgressDisplay.lines(out, ProgressDisplay.UNWATCHED, Clock.systemUTC()));
    }

    /** A crawl printing its messages and summary to out, and its progress to display. */
    public Crawl(Archive archive, Path dataDir, TextExtractor extractor, PrintStream out, ProgressDisplay display) {
        this.archive = archive;
        this.dataDir = dataDir;
        this.extractor = extractor;
        this.out = out;
        this.display = display;
    }

    /** Crawls the sites once and returns the finished (or stopped) run. */
    public CrawlRun run(List<Site> sites, Options options) {
        Path frontierDir = dataDir.resolve("frontier");
        try (CrawlLock lock = CrawlLock.take(dataDir).orElseThrow(() -> new ArchiveException("another crawl is running on "
                + dataDir.toAbsolutePath() + "; wait for it to finish, or give this one its own --data directory"))) {
            return runLocked(sites, options, frontierDir, lock);
        } catch (IOException e) {
            throw new ArchiveException("cannot use " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private CrawlRun runLocked(List<Site> sites, Options options, Path frontierDir, CrawlLock lock) throws IOException {
        List<String> ids = sites.stream().map(Site::id).toList();
        // Spool files are only in use while a crawl runs, and we hold the crawl lock: any left are from a killed one,
        // and so is any run still recorded as running here.
        deleteRecursively(dataDir.resolve("spool"));
        lock.markInterrupted(archive, dataDir);
        String runId = resumableRun(frontierDir, ids);
        if (runId != null && archive.runs().get(runId).isEmpty()) {
            // The archive lost the run's record (its server killed before writing it out): the run starts afresh.
            runId = null;
        }
        boolean resumed = runId != null;
        if (resumed) {
            archive.runs().resume(runId);
        }
        rebuildInterruptedCatalogues();
        if (!resumed) {
            deleteRecursively(frontierDir);
            runId = archive.runs().start(ids, Instant.now(), CrawlLock.place(dataDir));
            Files.createDirectories(frontierDir);
            syncFrontierLog(frontierDir);
            Files.writeString(frontierDir.resolve("run"), runId + "\n" + String.join(",", ids), StandardCharsets.UTF_8);
            out.println("crawl " + runId + ": " + String.join(", ", ids));
        }
        // A continued run keeps its counts, so that its request budgets are not spent twice.
        CrawlProgress progress = resumed ? CrawlProgress.continuing(ids, archive.runs().get(runId).orElseThrow()) : new CrawlProgress(ids);
        ArchiveFailures failures = new ArchiveFailures(progress);
        try (Ingest ingest = new Ingest(archive, extractor, IngestJournal.in(dataDir), runId, progress, failures)) {
            // What a killed crawl fetched but had not archived, archived first: the frontier counts it done.
            int replayed = ingest.replay();
            if (replayed > 0) {
                out.println("  " + replayed + " answers a killed crawl had fetched but not archived: archived now");
            }
            if (resumed) {
                requeueUnfinished(frontierDir, runId);
                repairTexts(runId);
                out.println("crawl " + runId + ": continuing the interrupted run of " + String.join(", ", ids));
            }
            return crawl(sites, options, frontierDir, runId, resumed, progress, failures, ingest);
        }
    }

    private CrawlRun crawl(List<Site> sites, Options options, Path frontierDir, String runId, boolean resumed,
                           CrawlProgress progress, ArchiveFailures failures, Ingest ingest) throws IOException {
        List<String> ids = sites.stream().map(Site::id).toList();
        int ownerDeaths = archive.ownerDeaths();
        HostPoliteness politeness = new HostPoliteness(host -> sites.stream().filter(s -> s.inScope(host))
                .map(Site::delay).findFirst().orElse(Duration.ofSeconds(1)));
        SiteResolver resolver = new SiteResolver(sites);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crawl-progress");
            t.setDaemon(true);
            return t;
        });
        String run = runId;
        Map<String, Focus> focus = new ConcurrentHashMap<>();
        CrawlController controller = null;
        Thread onKill = null;
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        try (HttpFetcher http = new HttpFetcher(options.http(), politeness, options.resolve(), resolver::inScope,
                dataDir.resolve("spool"))) {
            CrawlConfig config = config(sites, frontierDir, options);
            BasicURLNormalizer normalizer = new UrlNormalizer();
            // The URL table is crawler4j's; only its document ids are asked for by the workers (one at a time).
            HSQLDBFrontierConfiguration frontier = new HSQLDBFrontierConfiguration(config, 2);
            TLDList tlds = new TLDList(config);
            CaptureRecorder recorder = new CaptureRecorder(archive, ingest, runId);
            RobotsPolicy robots = new RobotsPolicy(frontier.getWebURLFactory(), http, politeness, resolver, recorder, failures, progress);
            LinkExtractor links = new LinkExtractor(config, normalizer, tlds, frontier.getWebURLFactory());
            ArchivingPageFetcher fetcher = new ArchivingPageFetcher(config, normalizer, http, resolver, robots, recorder, failures, progress, links);
            controller = new CrawlController(config, normalizer, fetcher, links, robots, tlds,
                    HostSchedule.over(frontier, jdbcUrl(frontierDir), politeness, recorder::upcoming, robots::fetchAhead));
            failures.onFatal(controller::shutdown);

            CrawlTraps traps = new CrawlTraps(progress, java.time.Clock.systemUTC());
            Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
            for (Site site : sites) {
                requests.put(site.id(), new AtomicInteger((int) progress.pages(site.id())));
                focus.put(site.id(), new Focus(new ColumnPath(site.path())));
                for (var seed : site.seeds()) {
                    String url = normalizer.filter(seed.toString());
                    if (url != null) {
                        resolver.seed(url, site);
                        controller.addSeed(url);
                    }
                }
            }
            ticker.scheduleAtFixedRate(() -> saveProgress(run, progress), options.progressEvery().toMillis(),
                    options.progressEvery().toMillis(), TimeUnit.MILLISECONDS);
            Frontier queue = controller.getFrontier();
            ticker.scheduleAtFixedRate(() -> display.show(progress.line(queue.getQueueLength())),
                    PROGRESS_TICK.toMillis(), PROGRESS_TICK.toMillis(), TimeUnit.MILLISECONDS);

            CrawlController running = controller;
            onKill = new Thread(() -> {
                // Ctrl-C or SIGTERM: the workers stop, and the run is recorded as stopped by the crawl's own thread,
                // which this hook waits for: the JVM ends when the hooks do.
                stopped.set(true);
                running.shutdown();
                try {
                    ended.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "crawl-stop");
            Runtime.getRuntime().addShutdownHook(onKill);
            controller.start(() -> new PortalCrawler(resolver, focus, requests, traps, progress, failures), options.threads());
            // The run's counts and problems are whole, and the catalogue may read its pages, once all are archived.
            ingest.drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended.countDown();
            throw new IllegalStateException("crawl interrupted", e);
        } catch (IOException | RuntimeException e) {
            ended.countDown();
            throw e;
        } catch (Exception e) {
            ended.countDown();
            throw new IllegalStateException("crawl engine failed to start", e);
        } finally {
            ticker.shutdownNow();
            awaitQuietly(ticker);
            display.done();
            if (onKill != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onKill);
                } catch (IllegalStateException alreadyStopping) {
                    // the hook is running and waits for the run to be recorded below
                }
            }
        }
        try {
            shutDownFrontier(frontierDir);
            if (stopped.get()) {
                // The frontier stays: the next crawl of these sites continues this run.
                archive.runs().finish(runId, CrawlRun.Status.STOPPED, Instant.now(), progress.tallies(), progress.problems());
                archive.flush(); // the process is ending
                out.println("crawl " + runId + " stopped; the same crawl command continues it");
                return archive.runs().get(runId).orElseThrow();
            }
            if (failures.any()) {
                throw endFailed(runId, progress, failures.summary(runId));
            }
            if (archive.ownerDeaths() > ownerDeaths) {
                // The process serving the archive died during the run, and with it what it had not yet written out.
                int lost = requeueUnfinished(frontierDir, runId);
                shutDownFrontier(frontierDir);
                if (lost > 0) {
                    throw endFailed(runId, progress, "crawl " + runId + ": the process serving the archive died during the crawl and lost the last "
                            + lost + " pages it had stored; run the same crawl to fetch them again");
                }
                // Its last second may hold the run's own record while the pages, archived a batch at a time, reached
                // its heir: the same crawl then starts the run afresh (a continued one needs its record).
                if (archive.runs().get(runId).isEmpty()) {
                    throw endFailed(runId, progress, "crawl " + runId + ": the process serving the archive died during the crawl and lost the last "
                            + "second it had stored, this run's record with it; run the same crawl to crawl again");
                }
            }
            if (!resumed) {
                // A continued run does not know how far along the path the interrupted one came.
                notePathsLost(sites, focus, progress);
            }
            // The end of fetching is recorded before the frontier goes: a crash between the two leaves a run that can
            // be continued; a crash after it, a run interrupted while cataloguing, which the next crawl catalogues.
            archive.runs().cataloguing(runId, progress.tallies(), progress.problems());
            archive.flush();
            deleteRecursively(frontierDir);
            List<String> catalogued = catalogue(ids, runId);
            archive.runs().finish(runId, CrawlRun.Status.FINISHED, Instant.now(), progress.tallies(), progress.problems());
            CrawlRun finished = archive.runs().get(runId).orElseThrow();
            out.println(summary(finished));
            catalogued.forEach(out::println);
            return finished;
        } finally {
            ended.countDown();
        }
    }

    /** A kill between storing an original and its text leaves the text missing: the continued run extracts it. */
    private void repairTexts(String runId) {
        int repaired = ArchiveCheck.repairTexts(archive, extractor, capture -> capture.run().equals(runId));
        if (repaired > 0) {
            out.println("  " + repaired + " texts the interrupted run had not stored extracted again");
        }
    }

    /** The run's counts saved; a failure to save is shown, and the next tick tries again. */
    private void saveProgress(String runId, CrawlProgress progress) {
        try {
            archive.runs().update(runId, progress.tallies(), progress.problems());
        } catch (RuntimeException e) {
            out.println("  the archive did not take the run's progress: " + firstLine(e));
        }
    }

    /**
     * A run that did not keep everything it fetched (answers not archived, or stored pages the archive's dead server
     * lost): it ends FAILED with its frontier kept, so that the same crawl continues it and fetches those again. If
     * even that cannot be recorded, or the dead server lost the run's own record, the frontier still says so.
     */
    private ArchiveException endFailed(String runId, CrawlProgress progress, String why) {
        try {
            archive.runs().finish(runId, CrawlRun.Status.FAILED, Instant.now(), progress.tallies(), progress.problems());
            archive.runs().get(runId).ifPresent(run -> out.println(summary(run)));
        } catch (RuntimeException e) {
            out.println("  the archive did not take the run's end either: " + firstLine(e));
        }
        return new ArchiveException(why);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    /**
     * Recognises the crawled sites' reports and parses their new originals, returning the lines that say so. The
     * crawl is done and archived by now: a failure here is reported and left for {@code xxgk reparse}, never turned
     * into a failed crawl.
     */
    private List<String> catalogue(List<String> ids, String runId) {
        List<String> lines = new ArrayList<>();
        try {
            Cataloguing.Outcome done = Cataloguing.of(archive, runId, ids);
            lines.add("  " + done.reports().size() + " reports (xxgk reports); tables of " + done.parsed() + " new originals parsed (xxgk export)");
            List<ReportChange> changes = done.changes();
            lines.add("  " + (changes.isEmpty() ? "no report new, changed or removed" : changes.size() + " changes (xxgk changes):"));
            // A first crawl of a large portal finds hundreds: the summary names the first few, xxgk changes has them all.
            changes.stream().limit(SUMMARY_CHANGES).forEach(c -> lines.add("    " + c.kind().name().toLowerCase(Locale.ROOT) + "  "
                    + c.year() + "  " + c.agency() + "  " + c.report()));
            if (changes.size() > SUMMARY_CHANGES) {
                lines.add("    … " + (changes.size() - SUMMARY_CHANGES) + " more");
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Crawl.class).error("recognising the reports of {}", ids, e);
            lines.add("  reports not recognised (" + e + "); the crawl is archived, run xxgk reparse");
        }
        return lines;
    }

    /** The catalogues that runs interrupted while building them left unbuilt, built now. */
    private void rebuildInterruptedCatalogues() {
        for (Cataloguing.Rebuilt rebuilt : Cataloguing.redoInterrupted(archive)) {
            out.println("run " + rebuilt.run().id() + " was interrupted while cataloguing its reports; catalogue built now: "
                    + rebuilt.outcome().reports().size() + " reports");
        }
    }

    private static CrawlConfig config(List<Site> sites, Path frontierDir, Options options) {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(frontierDir.toString());
        config.setResumableCrawling(true);
        config.setMaxDepthOfCrawling(sites.stream().mapToInt(Site::maxDepth).max().orElse(1));
        config.setMaxPagesToFetch(-1); // budgets are per site, in PortalCrawler
        config.setPolitenessDelay(0); // politeness is HostPoliteness's, per host
        config.setIncludeBinaryContentInCrawling(false); // originals are archived by the fetcher; no links in them
        config.setIncludeHttpsPages(true);
        config.setFollowRedirects(true);
        config.setMaxDownloadSize(64 << 20);
        config.setBatchReadSize(1); // a worker takes one URL of a host that is due (HostSchedule)
        config.setShutdownOnEmptyQueue(true);
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(0);
        config.setRespectNoFollow(false);
        config.setRespectNoIndex(false);
        return config;
    }

    /** Waits for a progress line being drawn, so that nothing is drawn after the display is done. */
    private static void awaitQuietly(ScheduledExecutorService ticker) {
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records, for each site whose configured path was not followed to its end, the step that was not found. */
    private static void notePathsLost(List<Site> sites, Map<String, Focus> focus, CrawlProgress progress) {
        for (Site site : sites) {
            focus.get(site.id()).lostAt().ifPresent(lost -> {
                String page = lost.page().orElse(site.seeds().get(0).toString());
                progress.note(site.id(), page, "path step 「" + lost.step() + "」 not found on " + page);
            });
        }
    }

    /** The run id left by an interrupted crawl of exactly these sites, or null. */
    private static String resumableRun(Path frontierDir, List<String> ids) throws IOException {
        Path marker = frontierDir.resolve("run");
        if (!Files.exists(marker)) {
            return null;
        }
        String[] lines = Files.readString(marker, StandardCharsets.UTF_8).split("\n");
        return lines.length == 2 && lines[1].equals(String.join(",", ids)) ? lines[0] : null;
    }

    static String jdbcUrl(Path frontierDir) {
        return "jdbc:hsqldb:file:" + frontierDir + "/frontier;sql.syntax_pgs=true";
    }

    /**
     * HSQLDB's log is one file written in commit order, so a kill loses at most its last moments, never a page's
     * links while keeping the page done (they were committed before it). Syncing it every 100 ms instead of at every
     * commit keeps that and takes the disk's sync off the path of each request; what a kill loses, the continued run
     * puts back ({@link HostSchedule} forgets URLs given an id but not scheduled, and their page is fetched again).
     */
    private static void syncFrontierLog(Path frontierDir) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(frontierDir), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SET FILES WRITE DELAY 100 MILLIS");
        } catch (SQLException e) {
            throw new ArchiveException("cannot create the crawl frontier in " + frontierDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts back in the queue what a killed crawl had not finished: URLs it had taken (crawler4j leaves them
     * IN_PROCESS), and URLs marked done whose capture this run did not keep (the archive may have lost its last
     * moments of writes while the frontier kept them). Returns how many of the latter.
     */
    private int requeueUnfinished(Path frontierDir, String runId) {
        try (Connection c = openLeftFrontier(frontierDir);
             Statement s = c.createStatement();
             PreparedStatement requeue = c.prepareStatement("UPDATE weburl SET status = 'SCHEDULED' WHERE id = ?")) {
            s.executeUpdate("UPDATE weburl SET status = 'SCHEDULED' WHERE status = 'IN_PROCESS'");
            int lost = 0;
            List<Capture> kept = new ArrayList<>();
            try (ResultSet done = s.executeQuery("SELECT id, url FROM weburl WHERE status = 'COMPLETED'")) {
                while (done.next()) {
                    Optional<Capture> capture = archive.captures().latest(done.getString("url")).filter(cap -> cap.run().equals(runId));
                    if (capture.isPresent()) {
                        kept.add(capture.get());
                    } else {
                        requeue.setLong(1, done.getLong("id"));
                        requeue.executeUpdate();
                        lost++;
                    }
                    if (kept.size() == REPAIR_BATCH) {
                        archive.captures().recordAll(kept);
                        kept.clear();
                    }
                }
            }
            // The records of one capture are several writes: a death between them sends the first to the dying server,
            // which may lose it, and the rest to its heir. Recording a kept capture again adds what was lost (its
            // URL's entry under its site, the capture document) and changes nothing that is there.
            archive.captures().recordAll(kept);
            return lost;
        } catch (SQLException e) {
            throw new ArchiveException("the saved crawl frontier in " + frontierDir + " is unreadable (" + e.getMessage()
                    + "); delete that directory to start afresh", e);
        }
    }

    /**
     * The frontier a crawl left, opened. HSQLDB holds a database locked until its holder's heartbeat (written every
     * 10 s) is stale, and a killed crawl's stays fresh for up to that long: a crawl started at once waits it out.
     */
    private static Connection openLeftFrontier(Path frontierDir) throws SQLException {
        long deadline = System.nanoTime() + FRONTIER_LOCK_EXPIRY.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(jdbcUrl(frontierDir), "sa", "");
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("lock acquisition failure") || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Closes the frontier database in this JVM, so that a later crawl does not find the old one still open. */
    private static void shutDownFrontier(Path frontierDir) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(frontierDir), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("closing the crawl frontier", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String summary(CrawlRun run) {
        String perSite = run.tallies().stream().map(t -> String.format(Locale.ROOT,
                "  %-14s %5d requests (%d downloaded, %d not modified)  %10s  %4d new originals  %3d errors  %3d skipped  %3d blocked%s",
                t.site(), t.pages(), t.downloaded(), t.notModified(), Sizes.human(t.bytes()), t.originals(), t.errors(), t.skipped(),
                t.blocked(), t.fresh() > 0 ? "  " + t.fresh() + " documents not asked (revisit)" : "")).collect(Collectors.joining("\n"));
        long seconds = Duration.between(run.startedAt(), run.endedAt().orElse(Instant.now())).toSeconds();
        return "crawl " + run.id() + " " + run.status().name().toLowerCase(Locale.ROOT) + " in " + seconds + " s\n" + perSite
                + (run.problems().isEmpty() ? "" : "\n  " + run.problems().size() + " problems: xxgk runs " + run.id() + " --problems");
    }
}
