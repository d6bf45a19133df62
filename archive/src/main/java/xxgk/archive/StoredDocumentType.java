package xxgk.archive;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded server keeps a collection's documents in H2: as BSON, mongo-java-server's own wire codec, behind a
 * tag byte H2's {@code ObjectDataType} never writes. mongo-java-server's H2 backend leaves them to that type, which
 * Java-serialises each document with the descriptions of its classes: about twice the bytes, and most of the time a
 * listing spends in the server (DocumentCodecBench: nine times slower to write and read).
 *
 * <p>Values written before (or not exactly representable in BSON: an instant finer than a millisecond, a map that is
 * not a document) are read and written as {@code ObjectDataType} does, so a map may hold both, and rewriting a value
 * converts it. An older xxgk cannot read the BSON values: the archive format says so (see {@link ArchiveFormat}).
 */
final class StoredDocumentType extends BasicDataType<Object> {

    static final StoredDocumentType DOCUMENTS = new StoredDocumentType();

    /** Not among ObjectDataType's tags (0–14, 19, 32–49, 64–119). */
    private static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    private StoredDocumentType() {
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (value instanceof Document document && exact(document)) {
            ByteBuf bson = Unpooled.buffer(256);
            BsonEncoder.encodeDocument(document, bson);
            buff.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } else {
            legacy.write(buff, value);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return legacy.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document document ? memory(document) : legacy.getMemory(value);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** Whether BSON gives the value back as it is: the types mongo-java-server decodes from the wire, dates to the millisecond. */
    private static boolean exact(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof ObjectId || value instanceof BinData || value instanceof Decimal128
                || value instanceof UUID || value instanceof LegacyUUID) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (value instanceof Document document) {
            for (Object v : document.values()) {
                if (!exact(v)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object v : list) {
                if (!exact(v)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A rough size in the heap, for H2's page cache. */
    private static int memory(Object value) {
        if (value instanceof String s) {
            return 48 + s.length();
        } else if (value instanceof BinData bin) {
            return 32 + bin.getData().length;
        } else if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                memory += 40 + memory(e.getKey()) + memory(e.getValue());
            }
            return memory;
        } else if (value instanceof List<?> list) {
            int memory = 32;
            for (Object v : list) {
                memory += 8 + memory(v);
            }
            return memory;
        }
        return 24;
    }
}
