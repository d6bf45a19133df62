package xxgk.archive;

import java.util.regex.Pattern;

/** Keeps MongoDB credentials out of messages and logs. */
public final class MongoUris {

    private static final Pattern CREDENTIALS = Pattern.compile("(mongodb(?:\\+srv)?://)[^@/]*@");

    private MongoUris() {
    }

    /** The URI with any user:password@ replaced by ***@. */
    public static String redact(String uri) {
        return CREDENTIALS.matcher(uri).replaceFirst("$1***@");
    }
}
