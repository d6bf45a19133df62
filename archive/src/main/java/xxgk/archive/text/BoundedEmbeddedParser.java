package xxgk.archive.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The parser Tika hands each embedded document to (a ZIP member, a decompressed stream, an attachment): its bytes
 * and depth are counted against the original's {@link Decompression} limits before the real parser sees them.
 */
final class BoundedEmbeddedParser implements Parser {

    private final Parser parser;
    private final Decompression limits;

    BoundedEmbeddedParser(Parser parser, Decompression limits) {
        this.parser = parser;
        this.limits = limits;
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return parser.getSupportedTypes(context);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        limits.enter();
        // The shield: the member's stream belongs to the archive being read, which closes it.
        try (TikaInputStream member = TikaInputStream.get(limits.member(CloseShieldInputStream.wrap(stream)))) {
            parser.parse(member, handler, metadata, context);
        } finally {
            limits.leave();
        }
    }
}
