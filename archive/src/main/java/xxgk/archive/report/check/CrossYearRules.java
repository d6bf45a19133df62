package xxgk.archive.report.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xxgk.archive.report.Applicant;
import xxgk.archive.report.ParsedReport;
import xxgk.archive.report.ReportFormat;
import xxgk.archive.report.Table2Row;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.Warning;

/**
 * The soft rules between two consecutive reports of the same agency: this year's 二、上年结转 equals last year's
 * 四、结转下年度继续办理, and 现行有效件数 equals last year's plus 本年制发 minus 本年废止 (fmt2021 only).
 * The caller knows which reports belong to the same agency; this class only compares.
 */
public final class CrossYearRules {

    private static final List<String> DOCUMENT_ITEMS = List.of("规章", "行政规范性文件", "规范性文件");

    private CrossYearRules() {
    }

    /** Warnings for {@code current} given the report of the year before; none when the years do not follow. */
    public static List<Warning> compare(ParsedReport previous, ParsedReport current) {
        List<Warning> warnings = new ArrayList<>();
        if (previous.year() + 1 != current.year()) {
            return warnings;
        }
        if (previous.tables().table3().has(Table3Key.CARRIED_TO_NEXT_YEAR)
                && current.tables().table3().has(Table3Key.CARRIED_FROM_LAST_YEAR)) {
            List<String> differences = new ArrayList<>();
            for (Applicant a : Applicant.values()) {
                long carried = previous.tables().table3().value(Table3Key.CARRIED_TO_NEXT_YEAR, a);
                long received = current.tables().table3().value(Table3Key.CARRIED_FROM_LAST_YEAR, a);
                if (carried != received) {
                    differences.add(a.label() + " " + carried + " → " + received);
                }
            }
            if (!differences.isEmpty()) {
                warnings.add(new Warning("carried_over", previous.year() + " 四 carried over differs from "
                        + current.year() + " 二 carried from last year: " + String.join("; ", differences)));
            }
        }
        if (previous.format() == ReportFormat.FMT2021 && current.format() == ReportFormat.FMT2021) {
            for (String item : DOCUMENT_ITEMS) {
                Optional<Table2Row> before = row(previous, item);
                Optional<Table2Row> now = row(current, item);
                if (before.isPresent() && now.isPresent() && before.get().values().size() == 3
                        && now.get().values().size() == 3) {
                    long expected = before.get().values().get(2).longValue() + now.get().values().get(0).longValue()
                            - now.get().values().get(1).longValue();
                    long printed = now.get().values().get(2).longValue();
                    if (expected != printed) {
                        warnings.add(new Warning("documents_in_force", item + " 现行有效件数 " + printed
                                + " differs from last year's " + before.get().values().get(2).longValue()
                                + " + 制发 − 废止 = " + expected));
                    }
                }
            }
        }
        return warnings;
    }

    private static Optional<Table2Row> row(ParsedReport report, String item) {
        return report.tables().table2().stream().filter(r -> r.item().equals(item)).findFirst();
    }
}
