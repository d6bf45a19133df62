package xxgk.archive.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import xxgk.archive.report.FormatRecognition;
import xxgk.archive.report.ReportTables;
import xxgk.archive.report.Table2Row;
import xxgk.archive.report.Table3;
import xxgk.archive.report.Table4;
import xxgk.archive.report.document.ReportDocument;
import xxgk.archive.report.document.Row;

/**
 * Finds the three tables in a document's rows and reads them. Table 三 starts at its first row and ends where
 * table 四's heading is; table 二 is what comes before it; table 四 runs to section 五.
 */
public final class ReportTableReader {

    /** The tables, the format they were read in, and notes on how cells were read. */
    public record Result(ReportTables tables, FormatRecognition.Result format, List<String> notes) {
    }

    private ReportTableReader() {
    }

    /** {@code year} is the report year, or 0 when unknown: it decides the format when the headers do not. */
    public static Result read(ReportDocument document, int year) {
        List<Row> rows = document.rows();
        List<String> notes = new ArrayList<>();
        // Several words of the header and first rows, so that one misread or damaged word does not lose the start.
        int t3Start = indexOf(rows, 0, r -> !r.prose() && (r.text().contains("本年新收") || r.text().contains("申请人情况")
                || r.text().contains("本年度办理结果") || r.text().contains("勾稽关系") || r.text().contains("自然人")));
        int t4Start;
        Table3 table3;
        if (t3Start < 0) {
            table3 = Table3.EMPTY;
            t4Start = indexOf(rows, 0, r -> r.text().contains("行政复议") && (!r.prose() || r.text().contains("情况")));
        } else {
            t4Start = indexOf(rows, t3Start, r -> r.text().contains("行政复议") || r.text().contains("行政诉讼")
                    || isSectionFive(r));
            table3 = Table3Reader.read(rows.subList(t3Start, t4Start < 0 ? rows.size() : t4Start), notes);
        }
        int t2End = t3Start >= 0 ? t3Start : (t4Start >= 0 ? t4Start : rows.size());
        FormatRecognition.Result format = FormatRecognition.recognise(year, rows);
        List<Table2Row> table2 = Table2Reader.read(rows.subList(0, t2End), format.format(), notes);
        Optional<Table4> table4 = Optional.empty();
        if (t4Start >= 0) {
            int t4End = indexOf(rows, t4Start + 1, ReportTableReader::isSectionFive);
            table4 = Table4Reader.read(rows.subList(t4Start, t4End < 0 ? rows.size() : t4End), notes);
        }
        return new Result(new ReportTables(table2, table3, table4), format, notes);
    }

    /** A heading of section 五 or 六: one cell (PDF readers cannot tell a short heading from a label). */
    private static boolean isSectionFive(Row row) {
        String text = row.text();
        return row.cells().size() == 1 && (text.startsWith("五、") || text.contains("存在的主要问题") || text.startsWith("六、"));
    }

    private static int indexOf(List<Row> rows, int from, Predicate<Row> test) {
        for (int i = from; i < rows.size(); i++) {
            if (test.test(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
