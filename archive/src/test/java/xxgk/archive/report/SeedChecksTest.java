package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which hard checks each seed passes, fails or cannot be assessed on, with the arithmetic from the seed. */
class SeedChecksTest {

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    private static Map<String, Check.Status> statuses(String stem) throws IOException {
        Map<String, Check.Status> statuses = new LinkedHashMap<>();
        SeedReportsTest.parseSeed(parser, stem).checks().forEach(c -> statuses.put(c.id(), c.status()));
        return statuses;
    }

    @Test
    void harbin2021PrintsNoRowsAfterRefusalsSoTheColumnRulesCannotBeAssessed() throws IOException {
        // 000: table 三 stops after （五）5; （六）, （七） and 四 are not printed. The printed rows add up, e.g.
        // 一: 3365+117+8+7+13+3 = 3513; table 四: 52+5+16+9 = 82, 113+5+25+29 = 172, 10+2+1+5 = 18.
        assertThat(statuses("000_1c606755e92636da")).containsExactly(
                Map.entry("t3_columns_balance", Check.Status.NOT_ASSESSABLE),
                Map.entry("t3_results_total", Check.Status.NOT_ASSESSABLE),
                Map.entry("t3_row_totals", Check.Status.PASS),
                Map.entry("t4_block_totals", Check.Status.PASS),
                Map.entry("counts_non_negative", Check.Status.PASS));
    }

    @Test
    void consistentSeedsPassEveryCheck() throws IOException {
        // 001 总计: 38+0 = 37+1; 37 = 12+13+1+2+9. 自然人: 37+0 = 36+1; 36 = 12+13+1+2+8.
        // 002 总计: 14+0 = 14+0; 14 = 11+1+1+1. 004 总计: 3+0 = 3+0; 3 = 1+1+1.
        for (String stem : new String[] {"001_d601352be8b8720b", "002_53e32c99ac2f321c", "004_15d564b43078fcdc"}) {
            assertThat(statuses(stem)).as(stem).containsOnlyKeys("t3_columns_balance", "t3_results_total",
                    "t3_row_totals", "t4_block_totals", "counts_non_negative").allSatisfy(
                    (id, status) -> assertThat(status).as(stem + " " + id).isEqualTo(Check.Status.PASS));
        }
    }

    @Test
    void harbinBusinessBureau2019CountsARefusalForANaturalPersonButNotInTheTotal() throws IOException {
        // 003: row 3.3.5 (属于三类内部事务信息) prints 自然人 1 and 总计 0: 1+0+0+0+0+0 = 1 ≠ 0 (rule 3).
        // Column 总计: （七） = 1, but the results sum to 0 because 3.3.5 总计 is 0 (rule 2).
        // Column 自然人 holds: （七） 1 = 3.3.5's 1; and 一+二 = 1+0 = （七）+四 = 1+0 (rule 1).
        ParsedReport parsed = SeedReportsTest.parseSeed(parser, "003_41ae5f6dd78fef43");

        assertThat(parsed.checks()).extracting(Check::id, Check::status, Check::expected, Check::actual).contains(
                tuple("t3_results_total", Check.Status.FAIL, "总计 （七） = 1", "总计 Σ（一）–（六） = 0"),
                tuple("t3_row_totals", Check.Status.FAIL, "3.3.5 总计 = 1", "3.3.5 总计 = 0"));
        assertThat(parsed.checks()).filteredOn(c -> c.status() == Check.Status.FAIL).hasSize(2);
    }

    @Test
    void softRulesFlagProseThatDisagreesAndSilenceOnFees() throws IOException {
        // 001 says "全年共收到依申请公开79件" in section 一, but table 三 一 总计 is 38.
        assertThat(SeedReportsTest.parseSeed(parser, "001_d601352be8b8720b").warnings())
                .extracting(Warning::id).containsExactly("prose_requests");
        // 002 and 003 answer section 六 with "无。", not saying whether 信息处理费 was charged.
        assertThat(SeedReportsTest.parseSeed(parser, "002_53e32c99ac2f321c").warnings())
                .extracting(Warning::id).containsExactly("fee_statement");
        assertThat(SeedReportsTest.parseSeed(parser, "003_41ae5f6dd78fef43").warnings())
                .extracting(Warning::id).containsExactly("fee_statement");
        // 000 and 004 state the fee and their prose counts agree (004: "申请 3 条" = 3).
        assertThat(SeedReportsTest.parseSeed(parser, "000_1c606755e92636da").warnings()).isEmpty();
        assertThat(SeedReportsTest.parseSeed(parser, "004_15d564b43078fcdc").warnings()).isEmpty();
    }

    @Test
    void blankCellsReadAsZeroAreNoted() throws IOException {
        // 004 prints 3.5.3 (要求提供公开出版物), 3.6.2 and 3.6.3 with empty cells.
        ParsedReport parsed = SeedReportsTest.parseSeed(parser, "004_15d564b43078fcdc");

        assertThat(parsed.notes()).filteredOn(n -> n.contains("blank")).hasSize(3)
                .anySatisfy(n -> assertThat(n).startsWith("t3 3.5.3 blank"));
        assertThat(parsed.tables().table3().cell(Table3Key.PUBLICATIONS, Applicant.TOTAL).orElseThrow().blank())
                .isTrue();
    }
}
