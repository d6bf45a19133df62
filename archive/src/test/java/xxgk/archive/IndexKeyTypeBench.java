package xxgk.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The unique index's map alone, without the driver and server around it: N puts, then N gets in random order, of
 * URL-like String keys and of ObjectId keys, in a map of H2's ObjectDataType (what mongo-java-server opens) and in
 * one of {@link IndexKeyType}. <pre>java -cp … xxgk.archive.IndexKeyTypeBench N</pre>
 */
public final class IndexKeyTypeBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<Object> urls = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add("http://www.hlj" + (i % 37) + ".gov.cn/zwgk/xxgk/" + (2015 + i % 9) + "/ndbg/t" + Integer.toHexString(i * 7919) + "_" + i + ".shtml");
            ids.add(new ObjectId());
        }
        for (int round = 0; round < 2; round++) {
            for (boolean nativeKeys : new boolean[] {false, true}) {
                run(nativeKeys, "String", urls);
                run(nativeKeys, "ObjectId", ids);
            }
        }
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void run(boolean nativeKeys, String kind, List<Object> values) throws Exception {
        Path file = Files.createTempFile("idx", ".mv");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<KeyValue, Object> map = nativeKeys
                    ? store.openMap("i", new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.KEYS).valueType(IndexKeyType.POSITIONS))
                    : store.openMap("i");
            String label = (nativeKeys ? "IndexKeyType  " : "ObjectDataType") + " " + kind;
            long t = System.nanoTime();
            for (Object v : values) {
                map.putIfAbsent(new KeyValue(v), v);
            }
            store.commit();
            rate(label + " put", values.size(), t);
            List<Object> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, new Random(3));
            t = System.nanoTime();
            int found = 0;
            for (Object v : shuffled) {
                found += map.get(new KeyValue(v)) != null ? 1 : 0;
            }
            rate(label + " get (" + found + ")", values.size(), t);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void rate(String what, int count, long since) {
        double s = (System.nanoTime() - since) / 1e9;
        System.out.printf("%-40s %7d in %6.2f s = %9.0f /s%n", what, count, s, count / s);
    }
}
