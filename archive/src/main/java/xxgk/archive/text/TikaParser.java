package xxgk.archive.text;

import org.apache.tika.parser.AutoDetectParser;

/**
 * The process's one Tika {@link AutoDetectParser}: creating one loads every parser Tika has and takes a second or
 * two, and one is safe to share between threads (each call brings its own ParseContext).
 */
public final class TikaParser {

    private TikaParser() {
    }

    private static final class Holder {
        static final AutoDetectParser PARSER = new AutoDetectParser();
    }

    public static AutoDetectParser shared() {
        return Holder.PARSER;
    }
}
