package xxgk.archive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of messages and logs: every URI in a text, whatever its scheme, loses its user information.
 *
 * <p>Passwords are typed as they are, not percent-encoded, so they may hold '/', ':' or '@'. The user information
 * therefore runs from after "scheme://" to the last '@' of the URI (a URI ends at white space): a host, path or
 * query that holds an '@' is hidden too, which costs nothing, while stopping at the first '/' or '@' would print
 * the rest of the password.
 */
public final class MongoUris {

    private static final Pattern URI = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)(\\S*)");

    private MongoUris() {
    }

    /** The text with the user:password@ of each URI in it replaced by ***@. */
    public static String redact(String text) {
        Matcher m = URI.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rest = m.group(2);
            int at = rest.lastIndexOf('@');
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (at < 0 ? rest : "***" + rest.substring(at))));
        }
        return m.appendTail(out).toString();
    }
}
