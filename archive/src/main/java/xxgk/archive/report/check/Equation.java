package xxgk.archive.report.check;

import java.util.List;

/**
 * One instance of a hard rule as a sum of cells that must be zero — 一+二−（七）−四 in one column, 总计 minus the
 * six applicant columns in one row — so that a broken rule can be traced to the cells it holds.
 */
record Equation(String rule, List<Term> terms) {

    /** A cell of the sum, by export column, with its sign and value. */
    record Term(String cell, int sign, long value) {
    }

    long imbalance() {
        return terms.stream().mapToLong(t -> t.sign() * t.value()).sum();
    }

    boolean holds() {
        return imbalance() == 0;
    }

    /** The value {@code cell} would need for the sum to hold. */
    long balancingValue(String cell) {
        Term term = terms.stream().filter(t -> t.cell().equals(cell)).findFirst().orElseThrow();
        return term.value() - term.sign() * imbalance();
    }
}
