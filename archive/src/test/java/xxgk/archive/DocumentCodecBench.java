package xxgk.archive;

import java.time.Instant;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * What a stored document costs to write and read: Java serialisation (H2's ObjectDataType, what the data maps use)
 * against BSON (mongo-java-server's own codec, a candidate value type). <pre>java -cp … xxgk.archive.DocumentCodecBench</pre>
 */
public final class DocumentCodecBench {

    public static void main(String[] args) {
        String url = "http://www.hlj3.gov.cn/zwgk/xxgk/2021/ndbg/t1f3a_12.shtml";
        Document copy = new Document("_id", new ObjectId()).append("url", url).append("final_url", url).append("status", 200)
                .append("sha256", "ab".repeat(32)).append("size", 12345L).append("content_type", "application/pdf")
                .append("fetched_at", Instant.now()).append("site", "hlj").append("run", "r1").append("kind", "response")
                .append("headers", java.util.List.of(new Document("name", "Content-Type").append("value", "application/pdf")));
        Document doc = new Document("_id", url).append("site", "hlj")
                .append("history", java.util.List.of(new Document("capture", new ObjectId()).append("at", Instant.now())))
                .append("latest", new Document("at", Instant.now()).append("capture", new ObjectId()).append("copy", copy));
        byte[] java = ObjectDataType.serialize(doc);
        ByteBuf buf = Unpooled.buffer();
        BsonEncoder.encodeDocument(doc, buf);
        int bson = buf.readableBytes();
        System.out.printf("one urls-like document: Java serialised %d bytes, BSON %d bytes%n", java.length, bson);
        for (int round = 0; round < 3; round++) {
            int n = 20000;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ObjectDataType.deserialize(ObjectDataType.serialize(doc));
            }
            double javaUs = (System.nanoTime() - t) / 1e3 / n;
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ByteBuf b = Unpooled.buffer();
                BsonEncoder.encodeDocument(doc, b);
                BsonDecoder.decodeBson(b);
            }
            double bsonUs = (System.nanoTime() - t) / 1e3 / n;
            System.out.printf("write+read: Java %.1f µs, BSON %.1f µs%n", javaUs, bsonUs);
        }
        Object back = ObjectDataType.deserialize(java);
        ByteBuf b = Unpooled.buffer();
        BsonEncoder.encodeDocument(doc, b);
        System.out.println("round trips equal: java " + doc.equals(back) + ", bson " + doc.equals(BsonDecoder.decodeBson(b)));
    }
}
