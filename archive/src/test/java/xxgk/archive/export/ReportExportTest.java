package xxgk.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import xxgk.archive.report.ReportJson;

/** The export columns and both formats keep the names and order scripts depend on. */
class ReportExportTest {

    private static final List<String> IDENTITY = List.of("id", "agency", "year", "title", "published", "format", "status",
            "checks_failed", "parser_version", "site", "url", "sha256");

    private static ExportRow row(String agency, String format, Map<String, BigDecimal> cells) {
        return new ExportRow("hulan/2023/abc", agency, 2023, agency + "2023年政府信息公开工作年度报告", "2024-01-26", format, "FAIL",
                List.of("rule1", "rule3"), "7", "hulan", "http://www.hulan.gov.cn/nb.pdf", "ab12", cells);
    }

    private static Map<String, BigDecimal> cells(Object... pairs) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return cells;
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }

    @Test
    void csvHasIdentityThenTablesTwoThreeFourInTheCodebooksOrder() throws IOException {
        List<ExportRow> rows = List.of(
                row("哈尔滨市呼兰区人民政府", "fmt2021", cells("t3_1_自然人", 37, "t2_行政事业性收费_1", "4591.36", "t2_规章_1", 0, "t4_15", 2)),
                row("南岗区城管局, 执法", "fmt2019", cells("t2_规范性文件_1", 3, "t3_1_自然人", 1, "common_applications_received", 12)));
        StringWriter out = new StringWriter();

        ReportExport.write(rows::forEach, ReportExport.Format.CSV, false, out);

        List<CSVRecord> records = csv(out.toString());
        assertThat(records).hasSize(3);
        List<String> header = records.get(0).toList();
        assertThat(header).isEqualTo(ExportColumns.codebook().stream().map(ExportColumns.Column::name).toList());
        assertThat(header.subList(0, IDENTITY.size())).isEqualTo(IDENTITY);
        assertThat(header.get(IDENTITY.size())).isEqualTo("t2_规章_1");
        int common = header.indexOf(ExportColumns.COMMON + "applications_received");
        assertThat(header.subList(header.indexOf("t3_1_自然人"), common)).isEqualTo(ReportJson.tableColumns());
        assertThat(header.subList(common, header.size())).as("the figures comparable across formats come last")
                .containsExactly("common_applications_received", "common_disclosed", "common_partly_disclosed", "common_refused",
                        "common_not_held", "common_administrative_reviews", "common_lawsuits");
        assertThat(header).doesNotContain("t2_规范性文件_1");
        assertThat(records.get(1).toList().subList(0, IDENTITY.size())).containsExactly("hulan/2023/abc", "哈尔滨市呼兰区人民政府", "2023",
                "哈尔滨市呼兰区人民政府2023年政府信息公开工作年度报告", "2024-01-26", "fmt2021", "FAIL", "rule1;rule3", "7", "hulan",
                "http://www.hulan.gov.cn/nb.pdf", "ab12");
        assertThat(records.get(1).get(header.indexOf("t2_行政事业性收费_1"))).isEqualTo("4591.36");
        assertThat(records.get(1).get(header.indexOf("t4_15"))).isEqualTo("2");
        assertThat(records.get(2).get(1)).isEqualTo("南岗区城管局, 执法");
        assertThat(records.get(2).get(header.indexOf("t2_行政规范性文件_1"))).as("fmt2019's 规范性文件 in fmt2021's column").isEqualTo("3");
        assertThat(records.get(2).get(header.indexOf("t2_规章_1"))).isEmpty();
        assertThat(records.get(2).get(common)).isEqualTo("12");
        assertThat(records.get(1).size()).isEqualTo(header.size());
    }

    @Test
    void jsonLinesCarryIdentityThenEachReportsOwnCellsInTheSameOrder() throws IOException {
        StringWriter out = new StringWriter();

        ReportExport.write(List.of(row("呼兰区", "fmt2021", cells("t3_1_自然人", 37, "t2_行政事业性收费_1", "4591.36")))::forEach,
                ReportExport.Format.JSONL, false, out);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        List<String> names = new java.util.ArrayList<>(IDENTITY);
        names.addAll(List.of("t2_行政事业性收费_1", "t3_1_自然人"));
        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(names);
        assertThat(json.get("year").isInt()).isTrue();
        assertThat(json.get("t3_1_自然人").isIntegralNumber()).isTrue();
        assertThat(json.get("t3_1_自然人").asInt()).isEqualTo(37);
        assertThat(lines[0]).contains("\"t2_行政事业性收费_1\":4591.36");
    }

    @Test
    void theCodebookNamesEveryColumnInChineseAndEnglish() throws IOException {
        StringWriter out = new StringWriter();

        ReportExport.writeCodebook(true, out);

        assertThat(out.toString()).startsWith("\uFEFFcolumn,zh,en\r\n");
        List<CSVRecord> records = csv(out.toString().substring(1));
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0))
                .isEqualTo(ExportColumns.codebook().stream().map(ExportColumns.Column::name).toList());
        assertThat(records).allSatisfy(r -> assertThat(r.get(1)).isNotBlank()).allSatisfy(r -> assertThat(r.get(2)).isNotBlank());
        Map<String, CSVRecord> byName = new LinkedHashMap<>();
        records.forEach(r -> byName.put(r.get(0), r));
        assertThat(byName.get("t2_行政规范性文件_1").get(1)).contains("fmt2021 本年制发件数").contains("fmt2019 本年新制作数量");
        assertThat(byName.get("t3_3.1_自然人").get(1)).isEqualTo("表三 （一）予以公开：自然人");
        assertThat(byName.get("t4_6").get(2)).isEqualTo("table 4, lawsuits without reconsideration: upheld");
    }

    @Test
    void anUnknownFormatIsNamed() {
        assertThatThrownBy(() -> ReportExport.Format.of("xlsx")).hasMessage("unknown export format xlsx; use csv or jsonl");
        assertThat(ReportExport.Format.of("CSV")).isEqualTo(ReportExport.Format.CSV);
    }

    @Test
    void csvTextThatASpreadsheetWouldRunIsMarkedAsText() throws IOException {
        StringWriter out = new StringWriter();

        ReportExport.write(List.of(row("=HYPERLINK(\"http://evil\")", "fmt2021", cells("t3_1_自然人", -1)))::forEach, ReportExport.Format.CSV, false, out);

        CSVRecord line = csv(out.toString()).get(1);
        assertThat(line.get(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(line.toList()).contains("-1");
    }
}
