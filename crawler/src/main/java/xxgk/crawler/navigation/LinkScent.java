package xxgk.crawler.navigation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How promising a link looks for finding 年报, judged from what it says (its anchor text) and where it points (its
 * URL), from least to most promising.
 */
public enum LinkScent {

    /** A section a person looking for 年报 would not open: news, interaction, services. */
    UNRELATED,
    /** Nothing either way. */
    NONE,
    /** A year in its text, or a URL into an open-government (xxgk, zwgk) section. */
    HINT,
    /** Says 政府信息公开 or 政务公开: the catalogue the 年报 column usually sits in. */
    OPEN,
    /** Says 年报 or 年度报告, or points into a report column (zfxxgknb, xxgknb, gknb, ndbg). */
    REPORT;

    private static final Pattern REPORT_TEXT = Pattern.compile("年报|年度报告|年度工作报告");
    private static final Pattern REPORT_URL = Pattern.compile("xxgknb|gknb|ndbg|zwgknb|/nb/");
    private static final Pattern OPEN_TEXT = Pattern.compile("信息公开|政务公开");
    private static final Pattern OPEN_URL = Pattern.compile("xxgk|zwgk|gkml");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final Pattern UNRELATED_TEXT = Pattern.compile(
            "新闻|要闻|动态|资讯|图片|视频|直播|互动|交流|留言|信箱|咨询|投诉|访谈|调查|征集|办事|服务|便民|旅游|招商|招聘");
    private static final Pattern UNRELATED_URL = Pattern.compile(
            "news|xwzx|xwdt|xwfb|ywdt|tpxw|hdjl|hudong|zxft|bsfw|wsbs|zwfw|bmfw|/video/|/photo/");
    private static final Pattern DOCUMENT = Pattern.compile("\\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z)$");

    /** The scent of a link with this anchor text pointing at this URL. */
    public static LinkScent of(String anchor, String url) {
        String text = anchor == null ? "" : anchor;
        String path = pathAndQuery(url);
        if (REPORT_TEXT.matcher(text).find() || REPORT_URL.matcher(path).find()) {
            return REPORT;
        }
        if (OPEN_TEXT.matcher(text).find()) {
            return OPEN;
        }
        if (UNRELATED_TEXT.matcher(text).find() || UNRELATED_URL.matcher(path).find()) {
            return UNRELATED;
        }
        if (YEAR.matcher(text).find() || OPEN_URL.matcher(path).find()) {
            return HINT;
        }
        return NONE;
    }

    /** True when the URL names a document (PDF, Word, WPS, spreadsheet, archive) or a download servlet. */
    public static boolean pointsToDocument(String url) {
        String path = pathAndQuery(url);
        int query = path.indexOf('?');
        return DOCUMENT.matcher(query < 0 ? path : path.substring(0, query)).find()
                || path.contains("downfile") || path.contains("download");
    }

    /** The URL without scheme and host, lower-cased: a host name such as news.example.gov.cn is no section. */
    private static String pathAndQuery(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        int slash = u.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? "/" : u.substring(slash);
    }
}
