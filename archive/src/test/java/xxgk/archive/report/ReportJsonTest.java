package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON object of {@code xxgk parse --json} and the flat export row keep the names scripts depend on. */
class ReportJsonTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void theJsonObjectHasTheContractFields() throws IOException {
        JsonNode json = ReportJson.toJson(SeedReportsTest.parseSeed(parser, "001_d601352be8b8720b"));

        assertThat(json.fieldNames()).toIterable().startsWith("format", "agency", "year");
        assertThat(json.get("format").asText()).isEqualTo("fmt2021");
        assertThat(json.get("year").asInt()).isEqualTo(2023);
        assertThat(json.get("tables").fieldNames()).toIterable().containsExactly("table2", "table3", "table4");
        assertThat(json.at("/tables/table3/1").toString()).isEqualTo("[37,0,0,1,0,0,38]");
        assertThat(json.at("/tables/table2/5/item").asText()).isEqualTo("行政事业性收费");
        assertThat(json.at("/tables/table2/5/values/0").decimalValue()).isEqualTo(new BigDecimal("4591.36"));
        assertThat(json.at("/checks/0").fieldNames()).toIterable()
                .containsExactly("id", "status", "expected", "actual");
        assertThat(json.get("ocr").asText()).isEqualTo("NONE");
        assertThat(json.at("/sources/t3_1_自然人").asText()).isEqualTo("line 89: 37");
    }

    @Test
    void tableFourIsNullWhenNotPrintedAndAbsentRowsAreAbsent() throws IOException {
        ParsedReport parsed = parser.parse("某局2021年政府信息公开工作年度报告\n".getBytes(StandardCharsets.UTF_8),
                "empty.txt");

        JsonNode json = ReportJson.toJson(parsed);

        assertThat(json.at("/tables/table4").isNull()).isTrue();
        assertThat(json.at("/tables/table3").isEmpty()).isTrue();
        assertThat(json.get("checks")).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("NOT_ASSESSABLE"));
    }

    @Test
    void theFlatRowNamesEveryCellByTableRowAndColumn() throws IOException {
        Map<String, BigDecimal> row = ReportJson.flatRow(SeedReportsTest.parseSeed(parser, "003_41ae5f6dd78fef43"));

        assertThat(row).containsEntry("t3_1_自然人", BigDecimal.ONE)
                .containsEntry("t3_3.3.5_总计", BigDecimal.ZERO)
                .containsEntry("t3_3.6_其他", BigDecimal.ZERO)
                .containsEntry("t4_15", BigDecimal.ZERO)
                .containsEntry("t2_政府集中采购_2", new BigDecimal("210.8"));
        // Table 二 of fmt2019: six items of three values and two of two; 23 rows of table 三; table 四.
        assertThat(row).hasSize(6 * 3 + 2 * 2 + 23 * 7 + 15);
        assertThat(ReportJson.tableColumns()).startsWith("t3_1_自然人", "t3_1_商业企业").endsWith("t4_15")
                .hasSize(26 * 7 + 15).containsAll(row.keySet().stream().filter(k -> !k.startsWith("t2_")).toList());
    }

    @Test
    void anImpossiblePrintedDateUnderTheTitleIsNoDateAndNoFailure() throws IOException {
        // No year in the title: a date accepted under it would make the year 2022 (publication year − 1).
        ParsedReport parsed = parser.parse("某局政府信息公开工作年度报告\n2023年2月29日\n".getBytes(StandardCharsets.UTF_8),
                "odd-date.txt");

        assertThat(parsed.year()).isZero();
        assertThat(parsed.title()).isEqualTo("某局政府信息公开工作年度报告");
    }
}
