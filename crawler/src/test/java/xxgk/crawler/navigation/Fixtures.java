package xxgk.crawler.navigation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** The saved list pages in {@code src/test/resources/navigation}, parsed as the crawler parses them. */
final class Fixtures {

    private Fixtures() {}

    static Document html(String name, String url) {
        return Jsoup.parse(read(name), url);
    }

    static Document xml(String name, String url) {
        return Jsoup.parse(read(name), url, Parser.xmlParser());
    }

    private static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/navigation/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
