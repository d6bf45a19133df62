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
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server.bind()))) {
            return action.apply(client.getDatabase("xxgk").getCollection("c"));
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
    void anOlderVersionOpeningTheArchiveAfterwardsRebuildsItsOwnIndexesAndTheyAreTrustedAgain() {
        fill(nativeKeys(), IDS.subList(0, 5));
        fill(legacy(), IDS.subList(5, IDS.size())); // the older version rebuilds its maps from the documents
        assertAllFoundAndUnique(legacy(), IDS);
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
    void theIndexesOfACollectionAnOlderVersionDroppedAreNotTrustedForOneMadeAgain() {
        fill(nativeKeys(), IDS);
        with(legacy(), c -> {
            c.drop(); // the older version removes its own maps and the documents, not ours
            return null;
        });
        assertThat(mapNames()).contains("xxgk.c._index_u_1" + NativeIndexH2Backend.SUFFIX);
        fill(nativeKeys(), IDS.subList(0, 2));
        assertAllFoundAndUnique(nativeKeys(), IDS.subList(0, 2));
        with(nativeKeys(), c -> {
            // the old keys are gone: no false duplicate
            c.insertOne(new Document("_id", "other").append("u", String.valueOf(IDS.get(5))));
            assertThat(c.countDocuments()).isEqualTo(3);
            return null;
        });
    }
}
