package xxgk.crawler.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A challenge a portal's anti-bot service answers with instead of the page: it wants a script run or a cookie
 * solved. xxgk records it as what it is — the host blocked the crawl — and never tries to get past it.
 */
public enum AntiBotWall {

    /** 瑞数 (Riversecurity): HTTP 412 with an inline {@code $_ts} script. */
    RUISHU("瑞数 HTTP 412 $_ts challenge"),
    /** 加速乐 (Jiasule): HTTP 521 with a script that sets the {@code __jsl_clearance} cookie. */
    JIASULE("加速乐 HTTP 521 __jsl_clearance challenge"),
    /** 网站卫士 (wzws): a redirect to {@code /WZWSRE…} or a page carrying the {@code wzws_cid} challenge. */
    WZWS("wzws challenge"),
    /** Answer after answer refused with 403 or 429. */
    REFUSALS("repeated 403/429 refusals");

    /** Challenge pages are small; a larger body is content, whatever it mentions. */
    static final int CHALLENGE_SIZE = 64 * 1024;

    private final String description;

    AntiBotWall(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The wall one answer is, if any, judged by its status, Location and Set-Cookie headers, and its body when it is
     * no larger than {@link #CHALLENGE_SIZE} (else {@code body} is null).
     */
    static Optional<AntiBotWall> recognise(int status, String location, String setCookie, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase(Locale.ROOT);
        if (status == 412 && text.contains("$_ts")) {
            return Optional.of(RUISHU);
        }
        if (status == 521 && (text.contains("__jsl_clearance") || setCookie.contains("__jsluid"))) {
            return Optional.of(JIASULE);
        }
        if (location.toUpperCase(Locale.ROOT).contains("/WZWSRE") || setCookie.contains("wzws_cid")
                || lower.contains("wzws_cid") || lower.contains("wzwschallenge")) {
            return Optional.of(WZWS);
        }
        return Optional.empty();
    }
}
