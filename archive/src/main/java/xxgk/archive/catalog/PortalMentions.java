package xxgk.archive.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a report's text, the sentences that name the portal where it is published: a portal name (…门户网站,
 * …门户网, …网站), with its URL in brackets before or after, and/or the column path as link texts joined by
 * "-", "—", "→" or "&gt;". Seen in real reports:
 * <ul>
 * <li>可以通过“中国·哈尔滨”市政府门户网（http://www.harbin.gov.cn）-政府信息公开目录-政府信息公开年报-市本级政府信息公开年报专栏查阅和下载</li>
 * <li>可通过哈尔滨市人民政府门户网站→政务公开栏目→政府信息公开年报专栏→区、县（市）政府信息公开年度报告查阅下载（http://www.hulan.gov.cn/…）</li>
 * <li>可以通过“中国哈尔滨”政府门户网-政府信息公开目录-政府信息公开年报专栏中查阅下载 (no URL)</li>
 * <li>可以通过南岗区人民政府网站查阅（&lt;http://ngqxxgk.harbin.gov.cn/col/col126585/index.html&gt;） (no path)</li>
 * </ul>
 */
public final class PortalMentions {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0\\u200b\\ufeff]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;]");
    private static final String URL_CHARS = "[A-Za-z0-9._~%/?#=&+\\-:;,!@$*']";
    /** A URL as printed, with the brackets around it; ASCII only, so it ends where Chinese text resumes. */
    private static final Pattern BRACKETED_URL = Pattern.compile(
            "[（(]?<?((?:https?://|www\\.)[A-Za-z0-9.\\-]+(?::\\d+)?(?:/" + URL_CHARS + "*)?)>?[）)]?");
    private static final Pattern PORTAL = Pattern.compile("门户网站|门户网|政府网站|网站|政府网");
    /** Words before a portal's name: "可以通过…", "登录…", "在…". */
    private static final Pattern LEAD_IN = Pattern.compile(".*(通过|登录|访问|登陆|进入|在|到|于|从|见)");
    private static final Pattern BOUNDARY = Pattern.compile("[，,。；;：:！!？?\\u0000]");
    private static final Pattern STEP_SEPARATOR = Pattern.compile("[-－—–→>＞]+");
    /** What follows the last step: "…专栏查阅和下载", "…专栏中查阅下载". */
    private static final Pattern READ_THERE = Pattern.compile("(中|内|里)?(进行)?(查阅|查看|浏览|下载|获取)(和|或|及|、)?(下载|查阅|查看)?.*$");
    private static final String URL_MARK = "\u0000";

    private PortalMentions() {
    }

    /** The portals a text names, each once, in order of appearance. */
    public static List<PortalMention> in(String text) {
        Set<PortalMention> found = new LinkedHashSet<>();
        for (String sentence : SENTENCE_END.split(SPACE.matcher(text).replaceAll(""))) {
            sentenceMention(sentence).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    private static Optional<PortalMention> sentenceMention(String sentence) {
        List<String> urls = new ArrayList<>();
        Matcher u = BRACKETED_URL.matcher(sentence);
        StringBuilder marked = new StringBuilder();
        while (u.find()) {
            urls.add(u.group(1).replaceAll("[.,;:]+$", ""));
            u.appendReplacement(marked, URL_MARK);
        }
        u.appendTail(marked);
        String s = marked.toString();
        Matcher p = PORTAL.matcher(s);
        while (p.find()) {
            String before = s.substring(0, p.start());
            int start = lastBoundary(before);
            String name = before.substring(start);
            Matcher lead = LEAD_IN.matcher(name);
            if (lead.lookingAt()) {
                name = name.substring(lead.end());
            }
            name = name + p.group();
            String after = s.substring(p.end());
            boolean urlFollows = after.startsWith(URL_MARK);
            int urlsBefore = countMarks(s.substring(0, p.end()));
            List<String> path = steps(urlFollows ? after.substring(1) : after);
            Optional<String> address = urlsBefore < urls.size() ? Optional.of(urls.get(urlsBefore)) : Optional.empty();
            if (!path.isEmpty() || address.isPresent()) {
                return Optional.of(new PortalMention(name, address, path));
            }
        }
        return Optional.empty();
    }

    /** The link texts of "-a-b-c查阅下载": empty unless the text starts with a separator. */
    private static List<String> steps(String after) {
        Matcher first = STEP_SEPARATOR.matcher(after);
        if (!first.lookingAt()) {
            return List.of();
        }
        Matcher end = BOUNDARY.matcher(after);
        String chain = end.find() ? after.substring(0, end.start()) : after;
        List<String> steps = new ArrayList<>();
        for (String step : STEP_SEPARATOR.split(chain)) {
            if (!step.isEmpty()) {
                steps.add(step);
            }
        }
        if (!steps.isEmpty()) {
            int last = steps.size() - 1;
            steps.set(last, READ_THERE.matcher(steps.get(last)).replaceFirst(""));
            steps.replaceAll(step -> step.replaceFirst("栏目$", ""));
            steps.removeIf(String::isEmpty);
        }
        return steps;
    }

    private static int lastBoundary(String before) {
        Matcher b = BOUNDARY.matcher(before);
        int start = 0;
        while (b.find()) {
            start = b.end();
        }
        return start;
    }

    private static int countMarks(String s) {
        return s.length() - s.replace(URL_MARK, "").length();
    }
}
