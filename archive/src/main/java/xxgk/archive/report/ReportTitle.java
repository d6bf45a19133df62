package xxgk.archive.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import xxgk.archive.report.document.Row;

/**
 * The title of a report as printed at its head ("哈尔滨市2021年政府信息公开工作报告", sometimes broken over two
 * lines), the publishing agency named in it, and the publication date printed under it.
 */
public record ReportTitle(String title, String agency, Optional<LocalDate> published) {

    /** The head of a document: the title and date come before section 一 and within this many rows. */
    private static final int HEAD_ROWS = 40;
    private static final Pattern DECORATION = Pattern.compile("^(关于|【|\\[)|[:：,，(（\\-_—]+$");

    public static ReportTitle find(List<Row> rows) {
        List<Row> head = rows.subList(0, Math.min(rows.size(), HEAD_ROWS));
        String title = "";
        for (int i = 0; i < head.size() && title.isEmpty(); i++) {
            String text = head.get(i).text();
            if (text.contains("报告") && text.length() <= 80) {
                boolean titleHasYear = ReportYear.inTitle(text).isPresent();
                String before = i > 0 ? head.get(i - 1).text() : "";
                title = !titleHasYear && before.endsWith("年") && before.length() < 30 ? before + text : text;
            }
        }
        return new ReportTitle(title, agencyIn(title), publishedIn(head));
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
