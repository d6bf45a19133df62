package xxgk.archive.report.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xxgk.archive.report.Applicant;
import xxgk.archive.report.ReportTables;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.Warning;
import xxgk.archive.report.document.Row;

/**
 * The soft rules within one report: the number of requests the prose says were received agrees with table 三, and
 * section 六 states whether 信息处理费 was charged.
 */
public final class ProseRules {

    private static final Pattern REQUESTS_RECEIVED =
            Pattern.compile("(?:收到|接到)[^，。；,;]{0,20}?申请[^，。；,;\\d]{0,8}?(\\d+)[件条个]");
    private static final List<String> FEE_WORDS = List.of("处理费", "信息费", "收费", "收取");

    private ProseRules() {
    }

    public static List<Warning> check(List<Row> rows, ReportTables tables) {
        List<Warning> warnings = new ArrayList<>();
        requestsInProse(rows, tables).ifPresent(warnings::add);
        feeStatement(rows).ifPresent(warnings::add);
        return warnings;
    }

    private static Optional<Warning> requestsInProse(List<Row> rows, ReportTables tables) {
        if (!tables.table3().has(Table3Key.NEW_REQUESTS)) {
            return Optional.empty();
        }
        long table = tables.table3().value(Table3Key.NEW_REQUESTS, Applicant.TOTAL);
        for (Row row : rows) {
            Matcher m = REQUESTS_RECEIVED.matcher(row.text());
            if (row.prose() && m.find()) {
                long prose = Long.parseLong(m.group(1));
                return prose == table ? Optional.empty() : Optional.of(new Warning("prose_requests",
                        "the prose says " + prose + " requests were received (\"" + m.group() + "\", "
                                + row.cells().get(0).source().location() + "); table 三 一 总计 is " + table));
            }
        }
        return Optional.empty();
    }

    private static Optional<Warning> feeStatement(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.cells().size() == 1 && row.text().startsWith("六、")) {
                boolean mentioned = rows.subList(i, rows.size()).stream()
                        .anyMatch(r -> FEE_WORDS.stream().anyMatch(r.text()::contains));
                return mentioned ? Optional.empty() : Optional.of(new Warning("fee_statement",
                        "section 六 does not say whether 信息处理费 was charged ("
                                + row.cells().get(0).source().location() + ")"));
            }
        }
        return Optional.empty();
    }
}
