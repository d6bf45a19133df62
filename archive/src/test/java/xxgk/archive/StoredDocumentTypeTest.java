package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class StoredDocumentTypeTest {

    private static ByteBuffer written(Object value, boolean legacy) {
        WriteBuffer buff = new WriteBuffer();
        if (legacy) {
            new ObjectDataType().write(buff, value);
        } else {
            StoredDocumentType.DOCUMENTS.write(buff, value);
        }
        buff.put((byte) 42); // what follows in a page must be left where it is
        return buff.getBuffer().flip();
    }

    private static Object readBack(ByteBuffer buffer) {
        Object value = StoredDocumentType.DOCUMENTS.read(buffer);
        assertThat(buffer.get()).as("read to its end, no further").isEqualTo((byte) 42);
        return value;
    }

    private static Document capture() {
        return new Document("_id", new ObjectId()).append("url", "http://www.hlj.gov.cn/年报.pdf").append("status", 200)
                .append("size", 5_000_000_000L).append("ratio", 0.5).append("revisit", false).append("none", null)
                .append("fetched_at", Instant.ofEpochMilli(1_700_000_000_123L)).append("data", new BinData(new byte[] {0, 1, 2}))
                .append("uuid", UUID.randomUUID())
                .append("headers", List.of(new Document("name", "Content-Type").append("value", "application/pdf")))
                .append("latest", new Document("copy", new Document("tags", List.of("a", 1, List.of(2.5)))));
    }

    @Test
    void aDocumentIsWrittenAsBsonAndReadBackEqual() {
        Document document = capture();
        ByteBuffer bson = written(document, false);
        assertThat(bson.limit()).isLessThan(written(document, true).limit());
        assertThat(readBack(bson)).isEqualTo(document);
    }

    @Test
    void whatBsonWouldNotGiveBackExactlyAndValuesWrittenBeforeAreReadAsTheyWere() {
        Document nanos = capture().append("fetched_at", Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        assertThat(readBack(written(nanos, false))).isEqualTo(nanos);
        Document before = capture();
        assertThat(readBack(written(before, true))).isEqualTo(before);
        assertThat(readBack(written(12L, false))).isEqualTo(12L);
    }
}
