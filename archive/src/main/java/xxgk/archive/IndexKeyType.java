package xxgk.archive;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * How the embedded server's unique indexes keep their keys (and, as {@link #POSITIONS}, the positions they point
 * to) in H2: compared natively and written compactly. mongo-java-server's own {@code H2UniqueIndex} leaves its
 * {@link KeyValue}s to H2's {@code ObjectDataType}, which, KeyValue not being Comparable, compares two of them by
 * Java-serialising both, at every step of every B-tree search: the larger part of an {@code _id} lookup or insert.
 *
 * <p>A map's order is part of its file: maps written with the old comparison are not readable in this order, and are
 * copied into new maps on first open (see {@link NativeIndexH2Backend}).
 *
 * <p>The order is total and agrees with the old notion of equality (equal serialised bytes) on what an index holds:
 * keys are normalised by mongo-java-server (numbers are Doubles, or Longs a double cannot represent; a missing value
 * is null). Strings, Doubles, Longs, ObjectIds, Booleans and Instants compare by their own order, one type before
 * another by a fixed rank; any other value (a document, a list, binary data…) is still compared by its serialised
 * bytes, as before, and written serialised. The order is only for the B-tree: an index is only ever searched by
 * equality, {@code $in} and regular expressions here, never by range.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType KEYS = new IndexKeyType();
    /** The positions an index points to: the documents' {@code _id}s, one value each, in the same encoding. */
    static final Positions POSITIONS = new Positions();

    private static final int NULL = 0;
    private static final int MISSING = 1;
    private static final int DOUBLE = 2;
    private static final int LONG = 3;
    private static final int STRING = 4;
    private static final int OBJECT_ID = 5;
    private static final int FALSE = 6;
    private static final int TRUE = 7;
    private static final int INSTANT = 8;
    private static final int SERIALIZED = 9;

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += memory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        buff.putVarInt(key.size());
        for (Object value : key) {
            writeValue(buff, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(buff));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    /** An index's positions: written like a key's values; compared, should H2 ask, in the same order. */
    static final class Positions extends BasicDataType<Object> {

        private Positions() {
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public int getMemory(Object value) {
            return memory(value);
        }

        @Override
        public void write(WriteBuffer buff, Object value) {
            writeValue(buff, value);
        }

        @Override
        public Object read(ByteBuffer buff) {
            return readValue(buff);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int ta = tag(a);
        int tb = tag(b);
        int rank = Integer.compare(rank(ta), rank(tb));
        if (rank != 0) {
            return rank;
        }
        switch (ta) {
            case NULL:
            case MISSING:
                return 0;
            case DOUBLE:
                return Double.compare((Double) a, (Double) b);
            case LONG:
                return Long.compare((Long) a, (Long) b);
            case STRING:
                return ((String) a).compareTo((String) b);
            case OBJECT_ID:
                return ((ObjectId) a).compareTo((ObjectId) b);
            case FALSE:
            case TRUE:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case INSTANT:
                return ((Instant) a).compareTo((Instant) b);
            default:
                return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
        }
    }

    private static int rank(int tag) {
        return tag == TRUE ? FALSE : tag;
    }

    private static int tag(Object value) {
        if (value == null) {
            return NULL;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            return STRING;
        } else if (type == Double.class) {
            return DOUBLE;
        } else if (type == Long.class) {
            return LONG;
        } else if (type == ObjectId.class) {
            return OBJECT_ID;
        } else if (type == Boolean.class) {
            return (Boolean) value ? TRUE : FALSE;
        } else if (type == Instant.class) {
            return INSTANT;
        } else if (value instanceof Missing) {
            return MISSING;
        }
        return SERIALIZED;
    }

    private static int memory(Object value) {
        return value instanceof String s ? 48 + 2 * s.length() : value == null || value instanceof Missing ? 0 : 32;
    }

    private static void writeValue(WriteBuffer buff, Object value) {
        int tag = tag(value);
        buff.put((byte) tag);
        switch (tag) {
            case DOUBLE -> buff.putLong(Double.doubleToRawLongBits((Double) value));
            case LONG -> buff.putLong((Long) value);
            case STRING -> {
                String s = (String) value;
                buff.putVarInt(s.length()).putStringData(s, s.length());
            }
            case OBJECT_ID -> buff.put(((ObjectId) value).toByteArray());
            case INSTANT -> buff.putLong(((Instant) value).getEpochSecond()).putInt(((Instant) value).getNano());
            case SERIALIZED -> {
                byte[] data = ObjectDataType.serialize(value);
                buff.putVarInt(data.length).put(data);
            }
            default -> {
                // the tag says it all
            }
        }
    }

    private static Object readValue(ByteBuffer buff) {
        int tag = buff.get();
        switch (tag) {
            case NULL:
                return null;
            case MISSING:
                return Missing.getInstance();
            case DOUBLE:
                return Double.longBitsToDouble(buff.getLong());
            case LONG:
                return buff.getLong();
            case STRING:
                return DataUtils.readString(buff);
            case OBJECT_ID: {
                byte[] data = new byte[12];
                buff.get(data);
                return new ObjectId(data);
            }
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case INSTANT:
                return Instant.ofEpochSecond(buff.getLong(), buff.getInt());
            case SERIALIZED: {
                byte[] data = new byte[DataUtils.readVarInt(buff)];
                buff.get(data);
                return ObjectDataType.deserialize(data);
            }
            default:
                throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "unknown index value tag {0}", tag);
        }
    }
}
