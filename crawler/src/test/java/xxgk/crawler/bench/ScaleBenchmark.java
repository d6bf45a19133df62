package xxgk.crawler.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The measurements of issue 12, run against the real {@code ./xxgk} launcher (its JVM options, its embedded archive)
 * and a {@link HostFarm} on loopback, printed as one table:
 * <ol>
 *   <li>H hosts × P pages at a 1 s delay: makespan (first request to last, as the farm saw them) against the
 *       politeness bound (P × 1 s: robots.txt and P pages per host), peak resident memory of the crawl process,
 *       the smallest gap any host saw between the end of one request and the start of the next, and overlaps
 *       (a host asked twice at once: must be 0), and below the table where the time above the bound went
 *       ({@link MakespanBreakdown});</li>
 *   <li>1 host × N pages without delay into the embedded archive: pages/s, peak resident, disk used;</li>
 *   <li>{@code xxgk parse} of the repository's report documents: one process for all of them, against one process
 *       each.</li>
 * </ol>
 * Run from the repository root by {@code tools/bench-scale} (arguments: hosts, pages per host, pages of the single
 * host; default 200 50 2000; a fourth, {@code noparse}, leaves the parse out). The machine's load changes the timings: compare runs made alike.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {}

    /** Linux's USER_HZ, the unit of /proc/PID/stat's times (100 on every platform Linux runs on today). */
    private static final int CLOCK_TICKS = 100;

    private record Crawled(double wallSeconds, long peakRssKb, double cpuSeconds, int exit, Path data) {

        /** CPU time of the crawl process (user and system, all threads) per request the farm saw, in ms. */
        double cpuMillisPer(int requests) {
            return requests == 0 ? 0 : cpuSeconds * 1000 / requests;
        }
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int single = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        boolean parse = args.length <= 3 || !args[3].equals("noparse");
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("xxgk-scale");
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String heap = System.getenv().getOrDefault("JAVA_OPTS", "");
        System.out.printf(Locale.ROOT, "scale benchmark: JAVA_OPTS=\"%s\" (plus the launcher's own options), %d cores%n",
                heap, Runtime.getRuntime().availableProcessors());
        try {
            try (HostFarm farm = HostFarm.start(hosts, pages)) {
                Crawled run = crawl(root, work.resolve("farm"), farm, hosts, "1s");
                List<HostFarm.Request> seen = farm.requests();
                double makespan = span(seen);
                double bound = pages * 1.0;
                rows.add(String.format(Locale.ROOT, "| %d hosts × %d pages, delay 1 s | makespan %.1f s = %.2f × the bound (%.0f s); %d of %d requests;"
                                + " peak RSS %d MB; min gap %d ms (end to next arrival), min interval %d ms (arrival to arrival); overlaps %d;"
                                + " process %.1f s, CPU %.1f s = %.1f ms a request (exit %d) | ≤ 1.10 × bound, ≤ 512 MB, gaps ≥ 1000 ms |",
                        hosts, pages, makespan, makespan / bound, bound, seen.size(), hosts * (pages + 1), run.peakRssKb() / 1024,
                        minGapMillis(seen), minIntervalMillis(seen), overlaps(seen), run.wallSeconds(), run.cpuSeconds(),
                        run.cpuMillisPer(seen.size()), run.exit()));
                notes.add(hosts + " hosts: " + new MakespanBreakdown(seen, 1000).line());
            }
            try (HostFarm farm = HostFarm.start(1, single)) {
                Crawled run = crawl(root, work.resolve("single"), farm, 1, "0s");
                List<HostFarm.Request> seen = farm.requests();
                double makespan = span(seen);
                rows.add(String.format(Locale.ROOT, "| 1 host × %d pages, no delay, embedded archive | %.0f pages/s (%d requests in %.1f s); peak RSS %d MB;"
                                + " disk %.1f MB; process %.1f s, CPU %.1f s = %.1f ms a request (exit %d) | ≥ 1,000 pages/s |",
                        single, seen.size() / makespan, seen.size(), makespan, run.peakRssKb() / 1024, bytes(run.data()) / 1e6,
                        run.wallSeconds(), run.cpuSeconds(), run.cpuMillisPer(seen.size()), run.exit()));
            }
            if (parse) {
                rows.add(parse(root, work));
            }
        } finally {
            deleteRecursively(work);
        }
        System.out.println("| work | xxgk | goal |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
        notes.forEach(System.out::println);
    }

    /** One {@code xxgk crawl} of the farm's first n hosts as sites, in its own process, its resident memory sampled. */
    private static Crawled crawl(Path root, Path data, HostFarm farm, int n, String delay) throws IOException, InterruptedException {
        Files.createDirectories(data);
        StringBuilder yaml = new StringBuilder("defaults:\n  delay: " + delay + "\n  max_pages: 100000\nsites:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  - id: h").append(i).append("\n    seeds: [").append(farm.seed(i)).append("]\n");
        }
        Path config = data.resolve("sites.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        Path log = data.resolve("crawl.log");
        Process process = new ProcessBuilder(root.resolve("xxgk").toString(), "--data", data.resolve("archive").toString(),
                "--config", config.toString(), "-q", "crawl").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        long peak = 0;
        double cpu = 0;
        while (!process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, residentKb(process.pid()));
            cpu = Math.max(cpu, cpuSeconds(process.pid()));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            System.out.println("crawl exited " + process.exitValue() + ":\n" + Files.readString(log));
        }
        return new Crawled(wall, peak, cpu, process.exitValue(), data.resolve("archive"));
    }

    /** The process's resident set now, in kB (0 once it is gone). */
    private static long residentKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * The process's CPU time so far (user and system, /proc/PID/stat fields 14 and 15), in seconds; sampled with the
     * resident set, so the last tenth of a second before it exits is not counted. 0 once it is gone.
     */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double span(List<HostFarm.Request> seen) {
        long first = seen.stream().mapToLong(HostFarm.Request::arrived).min().orElse(0);
        long last = seen.stream().mapToLong(HostFarm.Request::ended).max().orElse(0);
        return (last - first) / 1e9;
    }

    /**
     * The smallest pause any host saw between the end of a request and the arrival of its next. The server notes the
     * end after its last write returns, which a loaded machine may delay past the moment the crawler read the body:
     * a few milliseconds under the delay is that noise; the arrival-to-arrival interval has none of it.
     */
    private static long minGapMillis(List<HostFarm.Request> seen) {
        long min = Long.MAX_VALUE;
        for (List<HostFarm.Request> host : byHost(seen).values()) {
            for (int i = 1; i < host.size(); i++) {
                min = Math.min(min, host.get(i).arrived() - host.get(i - 1).ended());
            }
        }
        return min == Long.MAX_VALUE ? -1 : min / 1_000_000;
    }

    /** The smallest interval between the arrivals of two consecutive requests to one host: at least the delay. */
    private static long minIntervalMillis(List<HostFarm.Request> seen) {
        long min = Long.MAX_VALUE;
        for (List<HostFarm.Request> host : byHost(seen).values()) {
            for (int i = 1; i < host.size(); i++) {
                min = Math.min(min, host.get(i).arrived() - host.get(i - 1).arrived());
            }
        }
        return min == Long.MAX_VALUE ? -1 : min / 1_000_000;
    }

    /** Requests that arrived while an earlier one to the same host was still being answered. */
    private static long overlaps(List<HostFarm.Request> seen) {
        long count = 0;
        for (List<HostFarm.Request> host : byHost(seen).values()) {
            for (int i = 1; i < host.size(); i++) {
                count += host.get(i).arrived() < host.get(i - 1).ended() ? 1 : 0;
            }
        }
        return count;
    }

    private static Map<Integer, List<HostFarm.Request>> byHost(List<HostFarm.Request> seen) {
        return seen.stream().sorted(Comparator.comparingLong(HostFarm.Request::arrived))
                .collect(Collectors.groupingBy(HostFarm.Request::host, Collectors.toList()));
    }

    /** {@code xxgk parse} of every report document in the repository: all in one process, then one process each. */
    private static String parse(Path root, Path work) throws IOException, InterruptedException {
        List<String> files = new ArrayList<>();
        for (String dir : List.of("archive/src/test/resources/reports/generated", "crawler/src/main/resources/sample-portal")) {
            try (Stream<Path> found = Files.walk(root.resolve(dir))) {
                found.filter(p -> p.toString().matches(".*\\.(pdf|doc|docx)$")).sorted().forEach(p -> files.add(p.toString()));
            }
        }
        List<String> all = new ArrayList<>(List.of(root.resolve("xxgk").toString(), "parse"));
        all.addAll(files);
        double together = timed(all, work);
        double each = 0;
        for (String file : files) {
            each += timed(List.of(root.resolve("xxgk").toString(), "parse", file), work);
        }
        return String.format(Locale.ROOT, "| xxgk parse of %d PDF/DOC/DOCX reports | one process: %.1f s (%.0f ms a document); one process each: %.1f s |"
                + " one JVM for many |", files.size(), together, together * 1000 / files.size(), each);
    }

    private static double timed(List<String> command, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("parse.log").toFile()).start().waitFor();
        return (System.nanoTime() - start) / 1e9;
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(Path::toFile).filter(File::isFile).mapToLong(File::length).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
