package xxgk.archive.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import xxgk.archive.report.document.Row;

/**
 * The title of a report as printed at its head, whole — "哈尔滨市2021年政府信息公开工作报告", often broken over two
 * or three lines ("…2021年政府信息公开工作" / "年度报告", or even "…年度报" / "告") — the publishing agency named in
 * it, and the publication date printed under it.
 */
public record ReportTitle(String title, String agency, Optional<LocalDate> published) {

    /** The head of a document: the title and date come before section 一 and within this many rows. */
    private static final int HEAD_ROWS = 40;
    /** A title ends with 报告, perhaps followed by a short note such as （全文）; a sentence mentioning a report goes on. */
    private static final int MOST_AFTER_REPORT = 10;
    private static final int LONGEST_LINE = 80;
    /** Lines a title is broken over, at most: the one ending in 报告 and those before it. */
    private static final int MOST_LINES = 3;
    private static final Pattern SUBJECT = Pattern.compile("信息公开|政务公开");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;：:，,]$");
    private static final Pattern DECORATION = Pattern.compile("^(关于|【|\\[)|[:：,，(（\\-_—]+$");

    public static ReportTitle find(List<Row> rows) {
        List<Row> head = rows.subList(0, Math.min(rows.size(), HEAD_ROWS));
        String title = "";
        for (int end = 0; end < head.size() && title.isEmpty(); end++) {
            title = endingAt(head, end);
        }
        return new ReportTitle(title, agencyIn(title), publishedIn(head));
    }

    /**
     * The title whose last line is head[end], or "" when no title ends there. 报告 may itself be broken across the
     * line end; lines before are joined while the title lacks the year or the subject a report title names and the
     * line before supplies it — never a sentence, a date or another title.
     */
    private static String endingAt(List<Row> head, int end) {
        String line = head.get(end).text().strip();
        String before = end > 0 ? head.get(end - 1).text().strip() : "";
        int first = end;
        String title = line;
        if (!endsAsTitle(title) && endsAsTitle(before + line) && !before.contains("报告")) {
            first = end - 1;
            title = before + line;
        }
        if (!endsAsTitle(title) || title.length() > LONGEST_LINE) {
            return "";
        }
        while (first > 0 && end - first + 1 < MOST_LINES && !complete(title)) {
            String previous = head.get(first - 1).text().strip();
            if (previous.isEmpty() || previous.contains("报告") || SENTENCE_END.matcher(previous).find()
                    || Dates.line(previous).isPresent() || (previous + title).length() > LONGEST_LINE
                    || !adds(previous, title)) {
                break;
            }
            title = previous + title;
            first--;
        }
        return title;
    }

    private static boolean endsAsTitle(String text) {
        int at = text.lastIndexOf("报告");
        return at >= 0 && text.length() - (at + 2) <= MOST_AFTER_REPORT;
    }

    /** Names what a report title names: a year and the subject. */
    private static boolean complete(String title) {
        return ReportYear.inTitle(title).isPresent() && SUBJECT.matcher(title).find();
    }

    /** The line before brings what the title lacks: its year or its subject. */
    private static boolean adds(String previous, String title) {
        return (ReportYear.inTitle(title).isEmpty() && ReportYear.inTitle(previous).isPresent())
                || (!SUBJECT.matcher(title).find() && SUBJECT.matcher(previous).find());
    }

    /** The agency is what the title says before its year, or else between the year and "政府信息公开". */
    public static String agencyIn(String title) {
        int year = ReportYear.yearStart(title);
        String agency;
        if (year > 0) {
            agency = title.substring(0, year);
        } else {
            int afterYear = year < 0 ? 0 : title.indexOf('年', year) + 1;
            String rest = title.substring(afterYear).replaceFirst("^度", "");
            int end = rest.indexOf("政府信息公开");
            agency = end < 0 ? "" : rest.substring(0, end);
        }
        return DECORATION.matcher(agency.strip()).replaceAll("");
    }

    private static Optional<LocalDate> publishedIn(List<Row> head) {
        for (Row row : head) {
            Optional<LocalDate> date = Dates.line(row.text());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }
}
