package xxgk.archive.report.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import xxgk.archive.report.Applicant;
import xxgk.archive.report.CellValue;
import xxgk.archive.report.Check;
import xxgk.archive.report.ReportFormat;
import xxgk.archive.report.ReportJson;
import xxgk.archive.report.ReportTables;
import xxgk.archive.report.Table2Row;
import xxgk.archive.report.Table3;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.Table4;
import xxgk.archive.report.table.Table2Layout;

/**
 * The hard consistency relations (勾稽关系) of annual-report-format.md, numbered as there. Each gives one
 * {@link Check} per report; a FAIL lists every cell that breaks the rule, expected against actual.
 */
public enum HardRule {

    /** Rule 1. Table 三, per column: 一 + 二 = （七）总计 + 四. */
    T3_COLUMNS_BALANCE("t3_columns_balance", "一+二 = （七）+四 in every column") {
        @Override
        Check check(ReportFormat format, ReportTables tables) {
            Table3 t = tables.table3();
            List<String> missing = missing(t, List.of(Table3Key.NEW_REQUESTS, Table3Key.CARRIED_FROM_LAST_YEAR,
                    Table3Key.TOTAL, Table3Key.CARRIED_TO_NEXT_YEAR));
            if (!missing.isEmpty()) {
                return notAssessable(missing);
            }
            return perColumn(c -> t.value(Table3Key.NEW_REQUESTS, c) + t.value(Table3Key.CARRIED_FROM_LAST_YEAR, c),
                    c -> t.value(Table3Key.TOTAL, c) + t.value(Table3Key.CARRIED_TO_NEXT_YEAR, c), "一+二", "（七）+四");
        }

        @Override
        List<Equation> equations(ReportTables tables) {
            // Assessable exactly when the check is; the format plays no part in this rule.
            if (check(null, tables).status() == Check.Status.NOT_ASSESSABLE) {
                return List.of();
            }
            return columnEquations(tables.table3(), List.of(Table3Key.NEW_REQUESTS, Table3Key.CARRIED_FROM_LAST_YEAR),
                    List.of(Table3Key.TOTAL, Table3Key.CARRIED_TO_NEXT_YEAR), "一+二 = （七）+四");
        }
    },

    /** Rule 2. Table 三, per column: （七） = the sum of all results （一）–（六）. */
    T3_RESULTS_TOTAL("t3_results_total", "（七） = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+Σ（六） in every column") {
        @Override
        Check check(ReportFormat format, ReportTables tables) {
            Table3 t = tables.table3();
            List<Table3Key> results = results(t);
            boolean split = Table3Key.OTHER_HANDLING_PARTS.stream().anyMatch(t::has);
            List<Table3Key> needed = new ArrayList<>(Table3Key.RESULTS_BEFORE_OTHER_HANDLING);
            needed.add(Table3Key.TOTAL);
            List<String> missing = missing(t, needed);
            if (!split && !t.has(Table3Key.OTHER_HANDLING) && !t.isEmpty()) {
                missing.add("3.6 or 3.6.1–3.6.3");
            }
            if (!missing.isEmpty()) {
                return notAssessable(missing);
            }
            return perColumn(c -> t.value(Table3Key.TOTAL, c),
                    c -> results.stream().mapToLong(k -> t.value(k, c)).sum(), "（七）", "Σ（一）–（六）");
        }

        @Override
        List<Equation> equations(ReportTables tables) {
            // Assessable exactly when the check is; the format plays no part in this rule.
            if (check(null, tables).status() == Check.Status.NOT_ASSESSABLE) {
                return List.of();
            }
            return columnEquations(tables.table3(), List.of(Table3Key.TOTAL), results(tables.table3()), "（七） = Σ（一）–（六）");
        }
    },

    /** Rule 3. Table 三, per row: 总计 = the sum of the six applicant columns. */
    T3_ROW_TOTALS("t3_row_totals", "总计 = the sum of the six applicant columns in every row") {
        @Override
        Check check(ReportFormat format, ReportTables tables) {
            Table3 t = tables.table3();
            if (t.isEmpty()) {
                return notAssessable(List.of("table 三"));
            }
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            t.rows().forEach((key, values) -> {
                long sum = Applicant.APPLICANTS.stream().mapToLong(a -> values.get(a.ordinal()).longValue()).sum();
                long total = values.get(Applicant.TOTAL.ordinal()).longValue();
                if (sum != total) {
                    expected.add(key + " 总计 = " + sum);
                    actual.add(key + " 总计 = " + total);
                }
            });
            return outcome(expected, actual, t.rows().size() + " rows");
        }

        @Override
        List<Equation> equations(ReportTables tables) {
            List<Equation> equations = new ArrayList<>();
            tables.table3().rows().forEach((key, values) -> {
                List<Equation.Term> terms = new ArrayList<>();
                for (Applicant a : Applicant.values()) {
                    terms.add(new Equation.Term(ReportJson.t3Column(key, a), a == Applicant.TOTAL ? 1 : -1,
                            values.get(a.ordinal()).longValue()));
                }
                equations.add(new Equation("row " + key + ": 总计 = Σ applicants", terms));
            });
            return equations;
        }
    },

    /** Rule 4. Table 四, per block: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
    T4_BLOCK_TOTALS("t4_block_totals", "总计 = 维持+纠正+其他+尚未审结 in each of the three blocks") {
        @Override
        Check check(ReportFormat format, ReportTables tables) {
            if (tables.table4().isEmpty()) {
                return notAssessable(List.of("table 四"));
            }
            Table4 t = tables.table4().get();
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int block = 0; block < Table4.BLOCKS.size(); block++) {
                long sum = 0;
                for (int outcome = 0; outcome < 4; outcome++) {
                    sum += t.cell(block, outcome).longValue();
                }
                long total = t.cell(block, 4).longValue();
                if (sum != total) {
                    expected.add(Table4.BLOCKS.get(block) + " 总计 = " + sum);
                    actual.add(Table4.BLOCKS.get(block) + " 总计 = " + total);
                }
            }
            return outcome(expected, actual, "3 blocks");
        }

        @Override
        List<Equation> equations(ReportTables tables) {
            List<Equation> equations = new ArrayList<>();
            tables.table4().ifPresent(t -> {
                for (int block = 0; block < Table4.BLOCKS.size(); block++) {
                    List<Equation.Term> terms = new ArrayList<>();
                    for (int outcome = 0; outcome < 5; outcome++) {
                        int index = block * 5 + outcome;
                        terms.add(new Equation.Term("t4_" + (index + 1), outcome == 4 ? 1 : -1,
                                t.cell(block, outcome).longValue()));
                    }
                    equations.add(new Equation(Table4.BLOCKS.get(block) + ": 总计 = Σ outcomes", terms));
                }
            });
            return equations;
        }
    },

    /** Rule 5. Counts are non-negative whole numbers; only money (万元) is a decimal and 本年增/减 may be negative. */
    COUNTS_NON_NEGATIVE("counts_non_negative", "every count a non-negative whole number") {
        @Override
        Check check(ReportFormat format, ReportTables tables) {
            if (tables.isEmpty()) {
                return notAssessable(List.of("tables 二, 三 and 四"));
            }
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            tables.table3().rows().forEach((key, values) -> {
                for (Applicant a : Applicant.values()) {
                    requireCount(values.get(a.ordinal()), "t3 " + key + " " + a.label(), expected, actual);
                }
            });
            tables.table4().ifPresent(t -> {
                for (int i = 0; i < Table4.SIZE; i++) {
                    requireCount(t.values().get(i), "t4 " + (i + 1), expected, actual);
                }
            });
            for (Table2Row row : tables.table2()) {
                List<Table2Layout.ColumnKind> kinds = Table2Layout.columns(format, row.item()).orElse(List.of());
                for (int i = 0; i < row.values().size(); i++) {
                    Table2Layout.ColumnKind kind = i < kinds.size() ? kinds.get(i) : Table2Layout.ColumnKind.AMOUNT;
                    CellValue v = row.values().get(i);
                    String where = "t2 " + row.item() + " " + (i + 1);
                    if (kind == Table2Layout.ColumnKind.COUNT) {
                        requireCount(v, where, expected, actual);
                    } else if (kind == Table2Layout.ColumnKind.CHANGE && v.value().stripTrailingZeros().scale() > 0) {
                        expected.add(where + " a whole number");
                        actual.add(where + " = " + v.value().toPlainString());
                    }
                }
            }
            return outcome(expected, actual, tables.cellCount() + " cells");
        }
    };

    private final String id;
    private final String relation;

    HardRule(String id, String relation) {
        this.id = id;
        this.relation = relation;
    }

    public String id() {
        return id;
    }

    abstract Check check(ReportFormat format, ReportTables tables);

    /** The rule's instances on the tables, as sums of cells; none where it cannot be assessed or is not a sum. */
    List<Equation> equations(ReportTables tables) {
        return List.of();
    }

    /** Every equation of the hard rules that the tables allow. */
    static List<Equation> allEquations(ReportTables tables) {
        List<Equation> equations = new ArrayList<>();
        for (HardRule rule : values()) {
            equations.addAll(rule.equations(tables));
        }
        return equations;
    }

    /** The results whose sum is （七）: （六） as one row, or its three parts when they are printed. */
    private static List<Table3Key> results(Table3 t) {
        List<Table3Key> results = new ArrayList<>(Table3Key.RESULTS_BEFORE_OTHER_HANDLING);
        boolean split = Table3Key.OTHER_HANDLING_PARTS.stream().anyMatch(t::has);
        results.addAll(split ? Table3Key.OTHER_HANDLING_PARTS : List.of(Table3Key.OTHER_HANDLING));
        return results;
    }

    /** Per applicant column: the {@code plus} rows minus the {@code minus} rows. */
    private static List<Equation> columnEquations(Table3 t, List<Table3Key> plus, List<Table3Key> minus, String relation) {
        List<Equation> equations = new ArrayList<>();
        for (Applicant a : Applicant.values()) {
            List<Equation.Term> terms = new ArrayList<>();
            plus.forEach(k -> terms.add(new Equation.Term(ReportJson.t3Column(k.key(), a), 1, t.value(k, a))));
            minus.forEach(k -> terms.add(new Equation.Term(ReportJson.t3Column(k.key(), a), -1, t.value(k, a))));
            equations.add(new Equation("column " + a.label() + ": " + relation, terms));
        }
        return equations;
    }

    /** Every hard rule, checked on one report's tables. */
    public static List<Check> checkAll(ReportFormat format, ReportTables tables) {
        List<Check> checks = new ArrayList<>();
        for (HardRule rule : values()) {
            checks.add(rule.check(format, tables));
        }
        return checks;
    }

    Check notAssessable(List<String> missing) {
        return new Check(id, Check.Status.NOT_ASSESSABLE, relation, "not printed: " + String.join(", ", missing));
    }

    Check outcome(List<String> expected, List<String> actual, String scope) {
        if (expected.isEmpty()) {
            return new Check(id, Check.Status.PASS, relation, "holds for " + scope);
        }
        return new Check(id, Check.Status.FAIL, String.join("; ", expected), String.join("; ", actual));
    }

    Check perColumn(ToLongFunction<Applicant> expectedSide, ToLongFunction<Applicant> actualSide,
            String expectedName, String actualName) {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Applicant a : Applicant.values()) {
            long e = expectedSide.applyAsLong(a);
            long v = actualSide.applyAsLong(a);
            if (e != v) {
                expected.add(a.label() + " " + expectedName + " = " + e);
                actual.add(a.label() + " " + actualName + " = " + v);
            }
        }
        return outcome(expected, actual, "7 columns");
    }

    static List<String> missing(Table3 t, List<Table3Key> needed) {
        List<String> missing = new ArrayList<>();
        if (t.isEmpty()) {
            missing.add("table 三");
            return missing;
        }
        needed.stream().filter(k -> !t.has(k)).forEach(k -> missing.add(k.key()));
        return missing;
    }

    static void requireCount(CellValue v, String where, List<String> expected, List<String> actual) {
        if (!v.isCount()) {
            expected.add(where + " a whole number >= 0");
            actual.add(where + " = " + v.value().toPlainString());
        }
    }
}
