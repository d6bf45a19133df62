package xxgk.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.report.ReportJson;

/** The export columns and both formats keep the names and order scripts depend on. */
class ReportExportTest {

    private static ExportRow row(String agency, Map<String, BigDecimal> cells) {
        return new ExportRow(agency, 2023, "hulan", "http://www.hulan.gov.cn/nb.pdf", "ab12", cells);
    }

    private static Map<String, BigDecimal> cells(Object... pairs) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return cells;
    }

    @Test
    void csvHasIdentityThenTableThreeAndFourThenTableTwoColumns() throws IOException {
        List<ExportRow> rows = List.of(
                row("哈尔滨市呼兰区人民政府", cells("t2_规章_1", 0, "t2_行政事业性收费_1", "4591.36", "t3_1_自然人", 37, "t4_15", 2)),
                row("南岗区城管局, 执法", cells("t2_规范性文件_1", 3, "t3_1_自然人", 1)));
        StringWriter out = new StringWriter();

        ReportExport.write(rows, ReportExport.Format.CSV, out);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines[0].split(","));
        int cellColumns = ReportJson.tableColumns().size();
        assertThat(header.subList(0, 6)).containsExactly("agency", "year", "site", "url", "sha256", "t3_1_自然人");
        assertThat(header.get(5 + cellColumns - 1)).isEqualTo("t4_15");
        assertThat(header.subList(5 + cellColumns, header.size()))
                .containsExactly("t2_规章_1", "t2_行政事业性收费_1", "t2_规范性文件_1");
        assertThat(lines[1]).startsWith("哈尔滨市呼兰区人民政府,2023,hulan,http://www.hulan.gov.cn/nb.pdf,ab12,37,")
                .endsWith(",2,0,4591.36,");
        assertThat(lines[2]).startsWith("\"南岗区城管局, 执法\",2023,").endsWith(",,,3");
        assertThat(lines[1].split(",", -1)).hasSize(header.size());
    }

    @Test
    void jsonLinesCarryEachReportsOwnCellsAsNumbers() throws IOException {
        StringWriter out = new StringWriter();

        ReportExport.write(List.of(row("呼兰区", cells("t2_行政事业性收费_1", "4591.36", "t3_1_自然人", 37))),
                ReportExport.Format.JSONL, out);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("agency", "year", "site", "url", "sha256", "t2_行政事业性收费_1", "t3_1_自然人");
        assertThat(json.get("year").isInt()).isTrue();
        assertThat(json.get("t3_1_自然人").isIntegralNumber()).isTrue();
        assertThat(json.get("t3_1_自然人").asInt()).isEqualTo(37);
        assertThat(json.get("t2_行政事业性收费_1").asText()).isEqualTo("4591.36");
        assertThat(lines[0]).contains("\"t2_行政事业性收费_1\":4591.36");
    }

    @Test
    void anUnknownFormatIsNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportExport.Format.of("xlsx"))
                .hasMessage("unknown export format xlsx; use csv or jsonl");
        assertThat(ReportExport.Format.of("CSV")).isEqualTo(ReportExport.Format.CSV);
    }

    @Test
    void csvTextThatASpreadsheetWouldRunIsMarkedAsText() throws IOException {
        StringWriter out = new StringWriter();

        ReportExport.write(List.of(row("=HYPERLINK(\"http://evil\")", cells("t3_1_自然人", -1))), ReportExport.Format.CSV, out);

        String line = out.toString().split("\r\n")[1];
        assertThat(line).startsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",2023,");
        assertThat(line).contains(",-1,");
    }
}
