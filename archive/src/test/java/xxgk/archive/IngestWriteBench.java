package xxgk.archive;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;

import xxgk.archive.store.BlobStore;
import xxgk.archive.store.Capture;
import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;
import xxgk.archive.store.Sha256;
import xxgk.archive.text.Extraction;

/**
 * Not a test: the CPU time the archive's write path costs a crawled page, the calls a crawl's ingest makes for a batch
 * (originals, texts, captures) without fetching or text extraction, so that the archive's share is measured alone and
 * a loaded machine skews it less than a crawl's wall time. Prints CPU ms a page for the whole process and for the
 * embedded server's threads, per batch size. Arguments: pages (default 4000), batch sizes (default 1 8 64).
 * {@code mvn -q -pl archive test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=xxgk.archive.IngestWriteBench -Dexec.args="4000 1 8 64"}
 */
public final class IngestWriteBench {

    private IngestWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        List<Integer> batches = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            batches.add(Integer.parseInt(args[i]));
        }
        if (batches.isEmpty()) {
            batches = List.of(1, 8, 64);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int batch : batches) {
            Path data = Files.createTempDirectory("xxgk-ingest-bench");
            try (Archive archive = Archive.open(new ArchiveLocation(data, Optional.empty()))) {
                archiveAll(archive, data, pages / 2, batch, "warm"); // the JIT, before the measured pages
                long process = processCpu();
                Map<String, Long> before = cpuByThread(threads);
                long wall = System.nanoTime();
                archiveAll(archive, data, pages, batch, "run");
                wall = System.nanoTime() - wall;
                process = processCpu() - process;
                Map<String, Long> after = cpuByThread(threads);
                StringBuilder split = new StringBuilder();
                long named = 0;
                for (Map.Entry<String, Long> t : after.entrySet()) {
                    long spent = t.getValue() - before.getOrDefault(t.getKey(), 0L);
                    named += spent;
                    if (spent > process / 100) {
                        split.append(String.format(Locale.ROOT, ", %s %.2f", t.getKey(), spent / 1e6 / pages));
                    }
                }
                System.out.printf(Locale.ROOT, "batch %3d: %d pages in %.1f s; CPU %.2f ms a page: JIT, GC and VM %.2f%s%n",
                        batch, pages, wall / 1e9, process / 1e6 / pages, (process - named) / 1e6 / pages, split);
            } finally {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** What the crawl's ingest does with a batch of fresh pages: originals, their texts, then the captures. */
    private static void archiveAll(Archive archive, Path data, int pages, int batch, String prefix) throws Exception {
        for (int from = 0; from < pages; from += batch) {
            List<BlobStore.Upload> uploads = new ArrayList<>();
            List<Capture> captures = new ArrayList<>();
            Map<String, Extraction> texts = new HashMap<>();
            for (int i = from; i < Math.min(pages, from + batch); i++) {
                String url = "http://127.0.1.1:8080/" + prefix + "/p" + i + ".html";
                byte[] body = page(url, i);
                String sha256 = Sha256.of(body);
                Path file = data.resolve("body-" + i);
                Files.write(file, body);
                uploads.add(new BlobStore.Upload(file, sha256, body.length));
                captures.add(capture(url, sha256, body.length));
                texts.put(sha256, new Extraction("text/html", Optional.of("UTF-8"), "第" + i + "页 " + "文本".repeat(40),
                        Extraction.Status.OK, Optional.empty(), "bench"));
            }
            Set<String> known = new HashSet<>(texts.keySet());
            known.removeAll(archive.blobs().putAll(uploads));
            texts.keySet().removeAll(archive.texts().containing(known));
            archive.texts().putAll(texts);
            archive.captures().recordAll(captures);
            for (BlobStore.Upload u : uploads) {
                Files.delete(u.file());
            }
        }
    }

    /** A page like the scale benchmark's farm serves: a title and fifty links. */
    private static byte[] page(String url, int i) {
        StringBuilder html = new StringBuilder("<html><head><title>").append(url).append("</title></head><body>");
        for (int p = 0; p < 50; p++) {
            html.append("<a href=\"/p").append(i * 50 + p).append(".html\">第").append(p).append("页</a>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Capture capture(String url, String sha256, long size) {
        List<HttpHeader> response = List.of(new HttpHeader("Date", "Sat, 05 Dec 2026 16:00:00 GMT"),
                new HttpHeader("Content-Type", "text/html; charset=utf-8"), new HttpHeader("Content-Length", String.valueOf(size)),
                new HttpHeader("Last-Modified", "Sat, 05 Dec 2026 15:00:00 GMT"), new HttpHeader("ETag", "\"" + sha256.substring(0, 16) + "\""));
        List<HttpHeader> request = List.of(new HttpHeader("User-Agent", "xxgk/0.1 (bench)"), new HttpHeader("Host", "127.0.1.1:8080"),
                new HttpHeader("Accept", "*/*"), new HttpHeader("Accept-Encoding", "gzip"), new HttpHeader("Connection", "Keep-Alive"));
        return new Capture(new ObjectId(), url, url, 200, response, Instant.now(), sha256, size, "text/html; charset=utf-8", "h0", "run-1",
                Optional.of("http://127.0.1.1:8080/"), Optional.empty(), Optional.of("第1页"), "GET", Capture.Kind.RESPONSE, Optional.empty(),
                Optional.of(new Exchange("/p.html", "http/1.1", request, Optional.of("127.0.1.1"))));
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time so far of the Java threads, summed by name without its numbers (mongo-server-worker3 → mongo-server-worker#). */
    private static Map<String, Long> cpuByThread(ThreadMXBean threads) {
        Map<String, Long> byName = new java.util.TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                byName.merge(info.getThreadName().replaceAll("\\d+", "#"), Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return byName;
    }
}
