package xxgk.archive.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import xxgk.archive.report.ReportYear;

/**
 * Decides whether a document is a 政府信息公开工作年度报告, and says why.
 *
 * <p>It reads the titles the document goes by, most authoritative first (a page's own title; for an attachment
 * the link text, its file name, then the title printed at its head); the first title that says anything decides.
 * A report's title names its subject (信息公开 or 政务公开), its kind (年度报告, 工作报告 or 年报) and a year — or,
 * when the title names no year (its year is then the publication year − 1), the document prints the report's tables:
 * without that a yearless title is as likely a column's or a list's.
 * Decoys sharing those words are refused: budgets and final accounts (预算, 决算), the 政府信息公开指南, the format
 * or a template, drafts, news and notices about reports (召开, 培训, 通知, 解读 …), and other annual reports
 * (法治政府建设, 统计公报), whose subject is not information disclosure. Last, the text: a document printing the
 * format's request table with no numbers in it is the blank template, whatever its title.
 */
public final class ReportClassifier {

    /** The outcome: a report or not, the title that decided (empty when none did), and why. */
    record Verdict(boolean report, Optional<String> title, String reason) {
    }

    private record Decoy(String kind, Pattern words) {
    }

    private static final List<Decoy> DECOYS = List.of(
            new Decoy("a budget or final accounts", Pattern.compile("预算|决算")),
            new Decoy("the disclosure guide", Pattern.compile("指南")),
            new Decoy("the format or a template", Pattern.compile("模板|样本|样表|范本|范文|格式|参考文本")),
            new Decoy("a draft", Pattern.compile("草稿|征求意见|送审|预览")),
            new Decoy("news or a notice about reports",
                    Pattern.compile("召开|培训|会议|部署|座谈|通知|通报|解读|图解|答记者问|评估|考核|编制|工作要点|动态")),
            new Decoy("another kind of annual report", Pattern.compile("法治政府|统计公报|国民经济和社会发展")));
    private static final Pattern SUBJECT = Pattern.compile("信息公开|政务公开");
    private static final Pattern KIND = Pattern.compile("年度报告|工作报告|年报");
    private static final Pattern EXTENSION = Pattern.compile("\\.(pdf|docx?|wps|zip|rar|7z|xlsx?|ofd|s?html?|txt)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACHMENT_LABEL = Pattern.compile("^附件\\d*[：:.、]?");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0\\u200b\\ufeff]+");
    /** Where table 三 begins, and where the tables end (section 五); in the blank format, no count lies between. */
    private static final String REQUEST_TABLE = "本年新收";
    private static final String AFTER_TABLES = "存在的主要问题";
    /** A count in a table: digits not part of a year, a date, an item number ("1.") or a clause ("第二十条"). */
    private static final Pattern COUNT = Pattern.compile("(?<![\\d.．、第])\\d+(?:\\.\\d+)?(?![\\d.．、年月日号项条])");
    private static final int TABLE_SPAN = 4000;
    private static final int FEWEST_COUNTS = 3;

    private ReportClassifier() {
    }

    /** Classifies by titles (most authoritative first; blanks are skipped) and, when the titles agree, the text. */
    static Verdict classify(List<String> titles, String text) {
        for (String raw : titles) {
            String title = clean(raw);
            if (title.isEmpty()) {
                continue;
            }
            for (Decoy decoy : DECOYS) {
                Matcher m = decoy.words().matcher(title);
                if (m.find()) {
                    return new Verdict(false, Optional.of(title), "not a report: " + decoy.kind() + " (" + m.group() + " in " + title + ")");
                }
            }
            if (SUBJECT.matcher(title).find() && KIND.matcher(title).find()
                    && (ReportYear.inTitle(title).isPresent() || printsTheTables(text))) {
                if (blankFormat(text)) {
                    return new Verdict(false, Optional.of(title), "not a report: the blank format (its request table has no counts)");
                }
                return new Verdict(true, Optional.of(title), "report: " + title);
            }
        }
        return new Verdict(false, Optional.empty(), "not a report: no title names a 政府信息公开 annual report and its year");
    }

    /**
     * The report one of these titles (a link text, a file name) names by itself, decoys refused, as compared (see
     * {@link #clean}): what a crawl can tell before the catalogue reads the documents. A report's page and its
     * attachments usually go by the same title, so distinct titles count reports.
     */
    public static Optional<String> reportNamed(List<String> titles) {
        Verdict verdict = classify(titles, "");
        return verdict.report() ? verdict.title() : Optional.empty();
    }

    /** A title as compared and shown: no spaces, no file extension, no "附件1：" label. */
    static String clean(String title) {
        String t = SPACE.matcher(title == null ? "" : title).replaceAll("");
        t = EXTENSION.matcher(t).replaceFirst("");
        return ATTACHMENT_LABEL.matcher(t).replaceFirst("");
    }

    /** The format's request table is printed: the document holds a report's tables, filled or blank. */
    static boolean printsTheTables(String text) {
        return text != null && text.contains(REQUEST_TABLE);
    }

    /** The format's request table printed without counts: the template, not a report. */
    static boolean blankFormat(String text) {
        int start = text == null ? -1 : text.indexOf(REQUEST_TABLE);
        if (start < 0) {
            return false;
        }
        int end = text.indexOf(AFTER_TABLES, start);
        Matcher counts = COUNT.matcher(text.substring(start, end > 0 ? end : Math.min(text.length(), start + TABLE_SPAN)));
        int n = 0;
        while (n < FEWEST_COUNTS && counts.find()) {
            n++;
        }
        return n < FEWEST_COUNTS;
    }
}
