package xxgk.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

class NativeIndexH2BackendTest {

    @TempDir
    Path dir;

    private static final List<Object> IDS = List.of("http://a.gov.cn/1.pdf", "http://a.gov.cn/2.pdf", new ObjectId(), 7, 2.5,
            Long.MAX_VALUE - 1, true, new Date(1_600_000_000_000L), new Document("a", 1).append("b", "x"), new org.bson.types.Binary(new byte[] {1, 2, 3}));

    private <T> T with(H2Backend backend, Function<MongoCollection<Document>, T> action) {
        return with(backend, "c", action);
    }

    private <T> T with(H2Backend backend, String collection, Function<MongoCollection<Document>, T> action) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server.bind()))) {
            return action.apply(client.getDatabase("xxgk").getCollection(collection));
        } finally {
            server.shutdown();
        }
    }

    private static String hostPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private String file() {
        return dir.resolve("archive.mv").toString();
    }

    private H2Backend legacy() {
        return new H2Backend(file());
    }

    private H2Backend nativeKeys() {
        return new NativeIndexH2Backend(MVStore.open(file()));
    }

    private void fill(H2Backend backend, List<Object> ids) {
        with(backend, c -> {
            c.createIndex(Indexes.ascending("u"), new IndexOptions().unique(true));
            for (Object id : ids) {
                c.insertOne(new Document("_id", id).append("u", String.valueOf(id)));
            }
            return null;
        });
    }

    private void assertAllFoundAndUnique(H2Backend backend, List<Object> ids) {
        with(backend, c -> {
            for (Object id : ids) {
                assertThat(c.find(eq("_id", id)).first()).as("%s", id).isNotNull();
                assertThat(c.find(eq("u", String.valueOf(id))).first()).as("u of %s", id).isNotNull();
                assertThatThrownBy(() -> c.insertOne(new Document("_id", id))).isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("E11000");
            }
            assertThat(c.countDocuments(in("_id", ids))).isEqualTo(ids.size());
            // the numbers are normalised as before: 7 is 7L and 7.0
            if (ids.contains(7)) {
                assertThat(c.find(eq("_id", 7L)).first()).isNotNull();
                assertThat(c.find(eq("_id", 7.0)).first()).isNotNull();
            }
            assertThat(c.find(eq("_id", "http://a.gov.cn/3.pdf")).first()).isNull();
            return null;
        });
    }

    private List<String> mapNames() {
        try (MVStore store = MVStore.open(file())) {
            return new ArrayList<>(store.getMapNames());
        }
    }

    @Test
    void aNewArchiveKeepsItsIndexesInNativeMaps() {
        fill(nativeKeys(), IDS);
        assertAllFoundAndUnique(nativeKeys(), IDS);
        assertThat(mapNames()).contains("xxgk.c._index__id_" + NativeIndexH2Backend.SUFFIX, "xxgk.c._index_u_1" + NativeIndexH2Backend.SUFFIX)
                .doesNotContain("xxgk.c._index__id_", "xxgk.c._index_u_1");
    }

    @Test
    void anArchiveOfTheOldIndexesIsConvertedOnFirstOpen() {
        fill(legacy(), IDS);
        assertThat(mapNames()).contains("xxgk.c._index__id_", "xxgk.c._index_u_1");
        assertAllFoundAndUnique(nativeKeys(), IDS);
        assertThat(mapNames()).doesNotContain("xxgk.c._index__id_", "xxgk.c._index_u_1");
        assertAllFoundAndUnique(nativeKeys(), IDS);
    }

    @Test
    void anIndexLeftHalfBuiltByAKillIsBuiltAgain() {
        fill(legacy(), IDS);
        assertAllFoundAndUnique(nativeKeys(), IDS);
        // What a kill in the middle of a build can leave: a map not recorded as built, holding some keys.
        try (MVStore store = MVStore.open(file())) {
            for (String name : List.of("xxgk.c._index__id_", "xxgk.c._index_u_1")) {
                MVMap<Object, Object> map = store.openMap(name + NativeIndexH2Backend.SUFFIX,
                        new MVMap.Builder<>().keyType((org.h2.mvstore.type.DataType) IndexKeyType.KEYS).valueType(IndexKeyType.POSITIONS));
                map.remove(map.firstKey());
                store.<String, String>openMap(NativeIndexH2Backend.BUILT).remove(name + NativeIndexH2Backend.SUFFIX);
            }
        }
        assertAllFoundAndUnique(nativeKeys(), IDS);
    }

    @Test
    void anIdIndexWithKeysMissingIsRebuiltEvenWhenRecordedAsBuilt() {
        fill(nativeKeys(), IDS);
        try (MVStore store = MVStore.open(file())) {
            MVMap<Object, Object> map = store.openMap("xxgk.c._index__id_" + NativeIndexH2Backend.SUFFIX,
                    new MVMap.Builder<>().keyType((org.h2.mvstore.type.DataType) IndexKeyType.KEYS).valueType(IndexKeyType.POSITIONS));
            map.remove(map.lastKey());
        }
        assertAllFoundAndUnique(nativeKeys(), IDS);
    }

    @Test
    void droppingACollectionDropsItsIndexMaps() {
        fill(nativeKeys(), IDS);
        with(nativeKeys(), c -> {
            c.drop();
            return null;
        });
        assertThat(mapNames()).noneMatch(name -> name.startsWith("xxgk.c."));
        fill(nativeKeys(), IDS.subList(0, 2));
        assertAllFoundAndUnique(nativeKeys(), IDS.subList(0, 2));
    }

    @Test
    void documentsAreStoredAsBsonAndThoseWrittenBeforeStayReadableUntilWrittenAgain() {
        with(legacy(), "urls", c -> c.insertMany(documents()));
        assertThat(readableByAnOlderVersion("urls")).isTrue();
        with(nativeKeys(), "urls", c -> {
            assertThat(c.find().into(new ArrayList<>())).isEqualTo(documents());
            return c.replaceOne(eq("_id", 1), new Document("_id", 1).append("text", "新"));
        });
        assertThat(readableByAnOlderVersion("urls")).as("one written again, as BSON").isFalse();
        with(nativeKeys(), "urls", c -> {
            assertThat(c.find(eq("_id", 1)).first()).isEqualTo(new Document("_id", 1).append("text", "新"));
            assertThat(c.find(eq("_id", 2)).first()).isEqualTo(documents().get(2));
            return c.insertOne(new Document("_id", 100).append("url", "http://a.gov.cn/"));
        });
        with(nativeKeys(), "urls", c -> assertThat(c.countDocuments()).isEqualTo(51));
    }

    @Test
    void whatAnOlderVersionReadsToRefuseTheArchiveStaysInItsEncoding() {
        with(nativeKeys(), "meta", c -> c.insertOne(new Document("_id", "format").append("version", ArchiveFormat.CURRENT)));
        fill(nativeKeys(), IDS);
        assertThat(readableByAnOlderVersion("meta")).isTrue();
        assertThat(readableByAnOlderVersion("system.namespaces")).isTrue();
        assertThat(readableByAnOlderVersion("system.indexes")).isTrue();
        assertThat(readableByAnOlderVersion("c")).isFalse();
    }

    /** Documents of every type a capture or a run holds. */
    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            documents.add(new Document("_id", i).append("url", "http://a.gov.cn/" + i + ".pdf").append("at", new Date(1_600_000_000_000L + i))
                    .append("capture", new ObjectId(new Date(1_600_000_000_000L), i)).append("size", 5_000_000_000L + i).append("ratio", i / 3.0).append("ok", i % 2 == 0)
                    .append("none", null).append("data", new org.bson.types.Binary(new byte[] {(byte) i}))
                    .append("headers", List.of(new Document("name", "Content-Type").append("value", "application/pdf; 名称")))
                    .append("copy", new Document("status", 200).append("tags", List.of("a", 1, List.of(2.5)))));
        }
        return documents;
    }

    /** Whether mongo-java-server's own H2 backend, Java-serialised values only, reads every document of a collection. */
    private boolean readableByAnOlderVersion(String collection) {
        try (MVStore store = MVStore.open(file())) {
            MVMap<Object, Object> data = store.openMap("databases.xxgk." + collection);
            assertThat(data.sizeAsLong()).isPositive();
            data.values().forEach(v -> assertThat(v).isInstanceOf(de.bwaldvogel.mongo.bson.Document.class));
            return true;
        } catch (org.h2.mvstore.MVStoreException e) {
            return false;
        }
    }
}
