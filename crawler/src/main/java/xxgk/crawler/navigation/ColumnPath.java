package xxgk.crawler.navigation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;


/**
 * The chain of link texts a report names as the way from a portal's home page to its 年报 column, e.g.
 * 政府信息公开目录 > 政府信息公开年报 > 市本级政府信息公开年报专栏. Link texts are compared loosely, as a
 * person reads them: spaces, quotation marks and a closing 专栏 or 目录 do not matter, 年度报告 is 年报, 政府信息公开
 * is 信息公开, and a text that adds a little to the next step, or leaves a little of it out, is that step.
 */
public final class ColumnPath {

    /** Words that end a column's name on one page and not on another. */
    private static final Pattern GENERIC_ENDING = Pattern.compile("(专栏|专区|专题|栏目|目录|平台)$");

    private final List<String> steps;
    private final List<String> keys;

    public ColumnPath(List<String> steps) {
        // At most Site.MAX_PATH_STEPS: the configuration refuses longer paths, and Trail ranks each step.
        this.steps = List.copyOf(steps);
        this.keys = this.steps.stream().map(ColumnPath::key).toList();
    }

    /** The number of steps; 0 when the site names no path. */
    public int length() {
        return steps.size();
    }

    /** Step {@code n}, counted from 1, as configured. */
    public String step(int n) {
        return steps.get(n - 1);
    }

    /**
     * The step after {@code reached} that {@code linkText} names, counted from 1, or 0 when it names none. A text
     * equal to a step is that step, wherever it is met: a link to a later step (a shortcut in the portal's navigation)
     * goes further along the path at once, and a link back to a step passed (a breadcrumb) is none. A text only
     * resembling a step is taken for the next step alone.
     */
    public int nextMatch(int reached, String linkText) {
        String text = key(linkText);
        if (text.length() < 2) {
            return 0;
        }
        for (int n = keys.size(); n > 0; n--) {
            if (keys.get(n - 1).equals(text)) {
                return n > reached ? n : 0;
            }
        }
        return reached < keys.size() && resembles(keys.get(reached), text) ? reached + 1 : 0;
    }

    /**
     * True when the text adds a little to the step (哈尔滨市政府信息公开目录 for 政府信息公开目录) or leaves a little of
     * it out; leaving out a third would take 信息公开 for 信息公开年报.
     */
    private static boolean resembles(String step, String text) {
        if (text.contains(step)) {
            return step.length() * 2 >= text.length();
        }
        return step.contains(text) && text.length() * 3 > step.length() * 2;
    }

    /** A link text as it is compared: what a reader would not notice removed, synonyms made one. */
    static String key(String text) {
        String k = text == null ? "" : text.toLowerCase(Locale.ROOT);
        k = k.replaceAll("[\\s\\u3000「」『』“”‘’\"'《》〈〉【】>»›·•:：]", "");
        k = k.replace('（', '(').replace('）', ')');
        k = k.replace("年度报告", "年报").replace("政府信息公开", "信息公开");
        return GENERIC_ENDING.matcher(k).replaceFirst("");
    }
}
