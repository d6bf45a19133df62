package xxgk.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's H2 backend with unique indexes (the {@code _id} index above all) whose keys H2 compares
 * natively ({@link IndexKeyType}) instead of by Java-serialising both keys at every step of a B-tree search.
 *
 * <p>Such an index lives in a map of its own, named as mongo-java-server names it plus {@value #SUFFIX}. Its order
 * differs from that of the map an older version wrote (under mongo-java-server's name), so that map is never opened
 * with the new key type: on first open it is copied into the new map, which is then recorded as built in
 * {@value #BUILT} (with the id of its collection's data map), and only then is the old map removed. Every state a kill can leave is safe, as each MVStore commit
 * is a consistent snapshot of all maps: an old map still present is the one to trust (copied again, the new map
 * cleared first); a new map not recorded as built, or built for another data map, is rebuilt (from the old map, or
 * from the documents); one recorded as built is trusted, the {@code _id} index only when it has as many keys as its
 * collection has documents. An older
 * xxgk opening the archive afterwards finds no index map under the name it knows, and mongo-java-server rebuilds it
 * from the documents (it does so for every empty index); its map is then present, and trusted over ours, when this
 * version opens the archive again.
 *
 * <p>Its collections keep their documents as BSON ({@link StoredDocumentType}), except {@code meta} and
 * mongo-java-server's own {@code system.*} collections, so that an older xxgk can still read the archive format and
 * refuse it. Documents written before stay as they were, readable, until they are written again: rewriting them all
 * on open would leave most chunks of a large store part garbage, for H2 to compact for hours after.
 */
class NativeIndexH2Backend extends H2Backend {

    private static final Logger LOG = LoggerFactory.getLogger(NativeIndexH2Backend.class);

    static final String SUFFIX = "#kv1";
    /**
     * Index maps recorded as complete: name → the H2 id of its collection's data map when it was built (a collection
     * dropped and made again, by an older xxgk say, has a data map of another id: its old index map is not trusted).
     */
    static final String BUILT = "xxgk#native-indexes";
    /** As in mongo-java-server's H2Database (package-private there): the prefixes of a collection's data and meta maps. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String ID = "_id";

    NativeIndexH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new NativeIndexDatabase(databaseName);
    }

    private static MVMap.Builder<KeyValue, Object> indexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.KEYS).valueType(IndexKeyType.POSITIONS);
    }

    /**
     * The database: an inner class, as H2Database opens its indexes in its constructor, before any field of a
     * subclass is set; the store is the backend's.
     */
    private final class NativeIndexDatabase extends H2Database {

        NativeIndexDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        private String legacyName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
            return new H2Collection(this, collectionName, options, dataMap(collectionName), metaMap, cursorRegistry) {
                /**
                 * mongo-java-server keeps a collection's data size (collStats' {@code size}, which xxgk never asks for)
                 * by encoding each document written, an update's old and new one both, and writing the sum to the
                 * collection's meta map: a fifth of the writes' work when a crawl archives pages. It stays as it was.
                 */
                @Override
                protected boolean tracksDataSize() {
                    return false;
                }
            };
        }

        /** A collection's documents: in BSON but for the collections an older xxgk must read to refuse the archive. */
        private MVMap<Object, Document> dataMap(String collectionName) {
            MVStore store = getMvStore();
            String name = DATA_PREFIX + getFullCollectionNamespace(collectionName);
            if (collectionName.equals("meta") || collectionName.startsWith("system.")) {
                return store.openMap(name);
            }
            return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(StoredDocumentType.DOCUMENTS));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String legacyName = legacyName(collectionName, indexName);
            String name = legacyName + SUFFIX;
            MVMap<String, String> built = store.openMap(BUILT);
            MVMap<KeyValue, Object> map = store.openMap(name, indexMap());
            NativeUniqueIndex index = new NativeUniqueIndex(map, indexName, keys, sparse);
            boolean legacy = store.hasMap(legacyName);
            MVMap<Object, Document> data = dataMap(collectionName);
            boolean idIndex = !sparse && keys.size() == 1 && keys.get(0).getKey().equals(ID);
            String builtFor = String.valueOf(data.getId());
            if (!legacy && builtFor.equals(built.get(name)) && (!idIndex || map.sizeAsLong() == data.sizeAsLong())) {
                return index;
            }
            long started = System.nanoTime();
            built.remove(name);
            map.clear();
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (legacy) {
                MVMap<KeyValue, Object> old = store.openMap(legacyName);
                for (Map.Entry<KeyValue, Object> entry : old.entrySet()) {
                    map.put(entry.getKey(), entry.getValue());
                }
            } else if (collection != null) {
                try {
                    for (Map.Entry<Object, Document> entry : data.entrySet()) {
                        index.add(entry.getValue(), entry.getKey(), collection);
                    }
                } catch (MongoServerError e) {
                    map.clear();
                    throw new IndexBuildFailedException(e, collection);
                }
            }
            built.put(name, builtFor);
            if (legacy) {
                store.removeMap(legacyName);
            }
            LOG.info("index {} of {} {} in {} ms: {} keys", indexName, collectionName, legacy ? "converted" : "built",
                    (System.nanoTime() - started) / 1_000_000, map.sizeAsLong());
            return index;
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = legacyName(collection.getCollectionName(), indexName) + SUFFIX;
            getMvStore().removeMap(name);
            getMvStore().<String, String>openMap(BUILT).remove(name);
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldPrefix = collection.getFullName() + "._index_";
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String newPrefix = getFullCollectionNamespace(newCollectionName) + "._index_";
            MVStore store = getMvStore();
            MVMap<String, String> built = store.openMap(BUILT);
            for (String name : new ArrayList<>(store.getMapNames())) {
                if (name.startsWith(oldPrefix) && name.endsWith(SUFFIX)) {
                    String newName = newPrefix + name.substring(oldPrefix.length());
                    String builtFor = built.remove(name); // the data map keeps its id when renamed
                    store.renameMap(store.openMap(name, indexMap()), newName);
                    if (builtFor != null) {
                        built.put(newName, builtFor);
                    }
                }
            }
        }

        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            MVMap<String, String> built = getMvStore().openMap(BUILT);
            built.keySet().removeIf(name -> name.startsWith(getDatabaseName() + "."));
        }
    }

    /** mongo-java-server's H2UniqueIndex (whose constructor is package-private), over a map of our key type. */
    static final class NativeUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        NativeUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
