package xxgk.archive.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import xxgk.archive.report.document.Row;

/**
 * Decides which format a report follows: by the table headers it contains, and by its year when the headers do
 * not tell. Section numbers are never used: many reports renumber or merge sections.
 */
public final class FormatRecognition {

    /** A decided format and the words (or year) it was decided by, for the report's notes. */
    public record Result(ReportFormat format, String basis) {
    }

    /** Short words, because PDF extraction breaks header cells across lines. */
    private static final List<String> FMT2021_WORDS = List.of("本年制发", "本年废止", "现行有效件数", "本年处理决定",
            "本年收费金额", "逾期不补正", "收费通知");
    private static final List<String> FMT2019_WORDS = List.of("本年新制作", "本年新公开", "对外公开总数", "上一年项目",
            "本年增/减", "其他对外管理服务", "政府集中采购", "采购总金额");
    private static final List<String> PRE2019_WORDS = List.of("指标名称", "计量单位", "历年累计");

    private FormatRecognition() {
    }

    /** {@code year} is 0 when unknown; only table rows are looked at, not prose that may quote other formats. */
    public static Result recognise(int year, List<Row> rows) {
        Set<String> fmt2021 = found(FMT2021_WORDS, rows);
        Set<String> fmt2019 = found(FMT2019_WORDS, rows);
        if (fmt2021.size() > fmt2019.size()) {
            return new Result(ReportFormat.FMT2021, "table headers " + fmt2021);
        }
        if (fmt2019.size() > fmt2021.size()) {
            return new Result(ReportFormat.FMT2019, "table headers " + fmt2019);
        }
        Set<String> pre2019 = found(PRE2019_WORDS, rows);
        if (!pre2019.isEmpty()) {
            return new Result(ReportFormat.PRE2019, "table headers " + pre2019);
        }
        if (year > 0) {
            return new Result(ReportFormat.prescribedFor(year), "report year " + year);
        }
        return new Result(ReportFormat.PRE2019, "no format headers and no year");
    }

    private static Set<String> found(List<String> words, List<Row> rows) {
        Set<String> found = new TreeSet<>();
        for (Row row : rows) {
            if (!row.prose()) {
                String text = row.text();
                words.stream().filter(text::contains).forEach(found::add);
            }
        }
        return found;
    }
}
