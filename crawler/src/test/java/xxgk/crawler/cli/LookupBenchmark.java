package xxgk.crawler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveLocation;
import xxgk.archive.Cataloguing;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.store.Capture;

/**
 * Retrieval as the archive grows: builds archives of the given numbers of captures ({@link SyntheticArchive}) and
 * prints, per size, an original read back in-process (p50/p99 of finding its latest capture and reading its bytes),
 * a whole {@code xxgk get} process (median of 5), {@code xxgk list --json} (wall time, peak RSS), and the catalogue
 * after a re-crawl of 100 pages of 10 sites (as a crawl builds it: {@link Cataloguing}, from what the run captured). Run from the repository root with
 * {@code tools/lookup-benchmark.sh [--base DIR] [--build-only] [CAPTURES...]} (default 10000 50000), which runs the
 * commands through a copy of the launcher {@code ./xxgk} (its memory settings and class-data sharing). An archive
 * already built under {@code --base} ({@code DIR/c<CAPTURES>}) is measured again rather than built anew, so that
 * building (an hour at 200k) and measuring can be done apart.
 */
public final class LookupBenchmark {

    private static final int READS = 500;

    private LookupBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        Path base = null;
        boolean buildOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = Path.of(args[++i]);
                case "--build-only" -> buildOnly = true;
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10000, 50000);
        }
        if (base == null) {
            base = Files.createTempDirectory("xxgk-lookup");
        }
        if (buildOnly) {
            for (int size : sizes) {
                build(size, base.resolve("c" + size), new ArrayList<>());
            }
            return;
        }
        // The launcher, so that the commands run as people run them (its memory settings, class-data sharing).
        Path launcher = Path.of(System.getProperty("xxgk.launcher", "xxgk")).toAbsolutePath();
        Run idle = run(launcher, null, "--version");
        System.out.printf(Locale.ROOT, "a JVM doing nothing (xxgk --version): %.2f s, %.2f s CPU, %d MB%n", idle.seconds(), idle.cpuSeconds(),
                idle.peakRssKb() >> 10);
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(measure(size, base.resolve("c" + size), launcher));
            System.out.println(rows.get(rows.size() - 1));
        }
        System.out.println();
        System.out.println("| captures | build | read p50 | read p99 | xxgk get, median of 5 (CPU) | list --json (CPU) | list peak RSS | catalogue after 100-page re-crawl |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println("archives left in " + base + " (remove them by hand)");
    }

    /**
     * Builds the archive of size captures in data, unless it is there already: then reads back its responses. Returns
     * the seconds the build took (NaN when it was there), written holding the responses.
     */
    private static double build(int size, Path data, List<Capture> written) throws Exception {
        if (Files.exists(data.resolve("archive.mv"))) {
            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
                // Each URL's latest response, read by key a batch at a time: one cursor over every capture of a large
                // archive failed on the embedded server ("Chunk N not found"), and these are the responses reads ask for.
                written.addAll(archive.captures().latestContentPerUrl(Optional.empty()));
            }
            System.out.printf(Locale.ROOT, "%d captures: the archive in %s is measured again%n", size, data);
            return Double.NaN;
        }
        Files.createDirectories(data);
        long buildStart = System.nanoTime();
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            new SyntheticArchive(archive, data, written).write(size);
            try (ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses())) {
                statistics.parse(archive.catalog().refresh(archive.captures().sites()), false);
            }
        }
        double buildSeconds = seconds(System.nanoTime() - buildStart);
        System.out.printf(Locale.ROOT, "%d captures built in %.0f s (%d MB on disk)%n", size, buildSeconds,
                Files.size(data.resolve("archive.mv")) >> 20);
        return buildSeconds;
    }

    private static String measure(int size, Path data, Path launcher) throws Exception {
        List<Capture> written = new ArrayList<>();
        double buildSeconds = build(size, data, written);

        List<Double> reads = new ArrayList<>();
        double catalogue;
        String someUrl;
        try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
            Random random = new Random(1);
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < READS + 50; i++) {
                Capture c = written.get(random.nextInt(written.size()));
                long t = System.nanoTime();
                Capture content = archive.captures().latestContent(c.url()).orElseThrow();
                try (InputStream in = archive.blobs().open(content.sha256())) {
                    while (in.read(buffer) >= 0) {
                        // read to the end: the digest is verified there
                    }
                }
                if (i >= 50) { // the first reads warm the JIT and the store's caches
                    reads.add(millis(System.nanoTime() - t));
                }
            }
            someUrl = written.get(written.size() / 2).url();

            String run = "r3-" + System.currentTimeMillis(); // each measurement a run of its own, as each crawl is
            List<String> sites = new SyntheticArchive(archive, data, written).recrawl(100, 10, Instant.parse("2025-07-01T00:00:00Z"), run);
            long t = System.nanoTime();
            Cataloguing.of(archive, run, sites);
            catalogue = seconds(System.nanoTime() - t);
        }
        Collections.sort(reads);

        List<Run> gets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gets.add(run(launcher, data, "get", someUrl, "-o", "/dev/null"));
        }
        gets.sort(Comparator.comparingDouble(Run::seconds));
        Run list = run(launcher, data, "list", "--json");
        return String.format(Locale.ROOT, "| %d | %s | %.1f ms | %.1f ms | %.2f s (%.2f s) | %.1f s (%.1f s) | %d MB | %.1f s |", size,
                Double.isNaN(buildSeconds) ? "built before" : String.format(Locale.ROOT, "%.0f s", buildSeconds), reads.get(reads.size() / 2), reads.get(reads.size() * 99 / 100), gets.get(2).seconds(), gets.get(2).cpuSeconds(),
                list.seconds(), list.cpuSeconds(), list.peakRssKb() >> 10, catalogue);
    }

    /** A process's wall time, CPU time (user and system: what a loaded machine does not inflate) and peak RSS. */
    private record Run(double seconds, double cpuSeconds, long peakRssKb) {}

    /** Runs the launcher under /usr/bin/time; output goes to /dev/null, as a pipe reading it at once would. */
    private static Run run(Path launcher, Path data, String... args) throws IOException, InterruptedException {
        Path rss = Files.createTempFile("rss", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", rss.toString(), launcher.toString()));
        command.addAll(List.of(args));
        if (data != null) {
            command.addAll(List.of("--data", data.toString()));
        }
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        double seconds = seconds(System.nanoTime() - t);
        String[] measured = Files.readString(rss, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
        Files.delete(rss);
        return new Run(seconds, Double.parseDouble(measured[0]) + Double.parseDouble(measured[1]), Long.parseLong(measured[2]));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
