package xxgk.archive.report.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import xxgk.archive.report.ReportFormat;

/**
 * The items of table 二 and the value columns each has in each format, and which columns hold counts: the
 * "本年增/减" change may be negative and the money columns (收费金额, 采购总金额) are decimals.
 */
public final class Table2Layout {

    /** What a column of table 二 holds, which decides what rule 5 (non-negative whole counts) asks of it. */
    public enum ColumnKind { COUNT, CHANGE, AMOUNT }

    private static final List<ColumnKind> THREE_COUNTS = List.of(ColumnKind.COUNT, ColumnKind.COUNT, ColumnKind.COUNT);
    private static final List<ColumnKind> ONE_COUNT = List.of(ColumnKind.COUNT);
    private static final List<ColumnKind> PROJECTS = List.of(ColumnKind.COUNT, ColumnKind.CHANGE, ColumnKind.COUNT);

    private static final Map<String, List<ColumnKind>> FMT2021 = Map.of(
            "规章", THREE_COUNTS, "行政规范性文件", THREE_COUNTS, "规范性文件", THREE_COUNTS,
            "行政许可", ONE_COUNT, "行政处罚", ONE_COUNT, "行政强制", ONE_COUNT,
            "行政事业性收费", List.of(ColumnKind.AMOUNT));
    private static final Map<String, List<ColumnKind>> FMT2019 = Map.of(
            "规章", THREE_COUNTS, "规范性文件", THREE_COUNTS, "行政规范性文件", THREE_COUNTS,
            "行政许可", PROJECTS, "其他对外管理服务事项", PROJECTS, "行政处罚", PROJECTS, "行政强制", PROJECTS,
            "行政事业性收费", List.of(ColumnKind.COUNT, ColumnKind.CHANGE),
            "政府集中采购", List.of(ColumnKind.COUNT, ColumnKind.AMOUNT));

    /** Every item label the two formats print, as printed. */
    static final Set<String> ITEMS = Stream.concat(FMT2021.keySet().stream(), FMT2019.keySet().stream())
            .collect(Collectors.toUnmodifiableSet());

    private Table2Layout() {
    }

    /** The value columns of an item in a format; empty for pre2019 reports and items the format lacks. */
    public static Optional<List<ColumnKind>> columns(ReportFormat format, String item) {
        return Optional.ofNullable(switch (format) {
            case FMT2021 -> FMT2021.get(item);
            case FMT2019 -> FMT2019.get(item);
            case PRE2019 -> null;
        });
    }
}
