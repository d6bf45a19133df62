package xxgk.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * The embedded server's {@code _id} paths, measured: inserts, finds by key, {@code $in} batches of 500, a sorted
 * scan, on URL-keyed ({@code urls}-like) and ObjectId-keyed ({@code captures}-like) documents, through the driver.
 * <pre>java -cp … xxgk.archive.IndexBench DIR N [fill|read|all]</pre>
 * fill: a fresh archive in DIR, then the reads; fillonly: without the reads; read: the reads on an existing DIR (its
 * open timed: a migration); unmark: the same, every index first made to look half-built (rebuilt from the documents).
 */
public final class IndexBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        String mode = args.length > 2 ? args[2] : "all";
        if (mode.equals("unmark")) {
            // as a kill before the build was recorded leaves it: the next open rebuilds every index from the documents
            try (org.h2.mvstore.MVStore store = org.h2.mvstore.MVStore.open(ArchiveLocation.embeddedFile(dir).toString())) {
                store.openMap(NativeIndexH2Backend.BUILT).clear();
            }
            mode = "read";
        }
        long t0 = System.nanoTime();
        EmbeddedServer server = EmbeddedServer.acquire(dir);
        System.out.printf("open: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("xxgk");
            MongoCollection<Document> urls = db.getCollection("bench_urls");
            MongoCollection<Document> caps = db.getCollection("bench_captures");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys.add("http://www.hlj" + (i % 37) + ".gov.cn/zwgk/xxgk/" + (2015 + i % 9) + "/ndbg/t" + Integer.toHexString(i * 7919) + "_" + i + ".shtml");
            }
            List<ObjectId> ids = new ArrayList<>();
            if (!mode.equals("read")) {
                Files.createDirectories(dir);
                long t = System.nanoTime();
                for (String key : keys) {
                    urls.insertOne(new Document("_id", key).append("site", "hlj").append("latest",
                            new Document("at", new Date()).append("capture", new ObjectId()).append("copy",
                                    new Document("url", key).append("status", 200).append("sha256", "ab".repeat(32)).append("size", 12345L)
                                            .append("content_type", "application/pdf").append("fetched_at", new Date()))));
                }
                rate("insert urls (String _id)", n, t);
                t = System.nanoTime();
                for (String key : keys) {
                    ObjectId id = new ObjectId();
                    ids.add(id);
                    caps.insertOne(new Document("_id", id).append("url", key).append("status", 200).append("sha256", "cd".repeat(32))
                            .append("fetched_at", new Date()).append("kind", "response"));
                }
                rate("insert captures (ObjectId _id)", n, t);
            } else {
                caps.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getObjectId("_id")));
            }
            server.flush();
            if (mode.equals("fillonly")) {
                server.release();
                return;
            }
            List<String> shuffled = new ArrayList<>(keys);
            Collections.shuffle(shuffled, new Random(1));
            long t = System.nanoTime();
            int found = 0;
            for (String key : shuffled) {
                found += urls.find(eq("_id", key)).first() != null ? 1 : 0;
            }
            rate("find urls by _id (" + found + " found)", n, t);
            List<ObjectId> shuffledIds = new ArrayList<>(ids);
            Collections.shuffle(shuffledIds, new Random(2));
            t = System.nanoTime();
            found = 0;
            for (ObjectId id : shuffledIds) {
                found += caps.find(eq("_id", id)).first() != null ? 1 : 0;
            }
            rate("find captures by _id (" + found + " found)", shuffledIds.size(), t);
            t = System.nanoTime();
            found = 0;
            for (int i = 0; i < shuffled.size(); i += 500) {
                for (Document d : urls.find(in("_id", shuffled.subList(i, Math.min(shuffled.size(), i + 500))))) {
                    found++;
                }
            }
            rate("$in 500 urls, per document (" + found + " found)", n, t);
            t = System.nanoTime();
            found = 0;
            for (Document d : urls.find().sort(Sorts.ascending("_id")).batchSize(500)) {
                found++;
            }
            rate("scan urls sorted by _id (" + found + ")", found, t);
        }
        server.release();
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void rate(String what, int count, long since) {
        double s = (System.nanoTime() - since) / 1e9;
        System.out.printf("%-45s %7d in %6.2f s = %8.0f /s%n", what, count, s, count / s);
    }
}
