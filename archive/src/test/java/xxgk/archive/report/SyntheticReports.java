package xxgk.archive.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reports with known, consistent values in both formats, every cell different from its neighbours so that a
 * value read from the wrong column or row shows. Built with the 勾稽关系 holding, so that a planted break is
 * the only one.
 */
final class SyntheticReports {

    private SyntheticReports() {
    }

    static ExpectedReport consistent(ReportFormat format) {
        ObjectNode json = ExpectedReport.MAPPER.createObjectNode();
        json.put("format", format.id());
        json.put("agency", format == ReportFormat.FMT2021 ? "测试县人民政府" : "测试市交通运输局");
        json.put("year", format == ReportFormat.FMT2021 ? 2022 : 2020);
        ObjectNode tables = json.putObject("tables");
        ArrayNode t2 = tables.putArray("table2");
        if (format == ReportFormat.FMT2021) {
            item(t2, "规章", "2", "1", "35");
            item(t2, "行政规范性文件", "12", "7", "164");
            item(t2, "行政许可", "5031");
            item(t2, "行政处罚", "817");
            item(t2, "行政强制", "23");
            item(t2, "行政事业性收费", "1234.5678");
        } else {
            item(t2, "规章", "1", "1", "20");
            item(t2, "规范性文件", "9", "9", "141");
            item(t2, "行政许可", "36", "-2", "4410");
            item(t2, "其他对外管理服务事项", "12", "3", "96");
            item(t2, "行政处罚", "88", "0", "612");
            item(t2, "行政强制", "14", "1", "19");
            item(t2, "行政事业性收费", "6", "-1");
            item(t2, "政府集中采购", "17", "356.25");
        }
        List<Table3Key> rows = format == ReportFormat.FMT2021 ? Table3Key.FMT2021_ROWS : Table3Key.FMT2019_ROWS;
        ObjectNode results = ExpectedReport.MAPPER.createObjectNode();
        long[] total = new long[7];
        int r = 0;
        for (Table3Key key : rows) {
            if (key.key().startsWith("3.") && key != Table3Key.TOTAL) {
                long[] values = new long[7];
                for (int c = 0; c < 6; c++) {
                    values[c] = (r * 7L + c * 3L) % 13 + (c == 0 ? 20 : 0);
                    values[6] += values[c];
                }
                for (int c = 0; c < 7; c++) {
                    total[c] += values[c];
                }
                put(results, key.key(), values);
                r++;
            }
        }
        long[] carriedIn = {3, 1, 0, 2, 1, 0, 7};
        long[] carriedOut = {5, 0, 1, 0, 2, 1, 9};
        long[] received = new long[7];
        for (int c = 0; c < 7; c++) {
            received[c] = total[c] + carriedOut[c] - carriedIn[c];
        }
        ObjectNode t3 = tables.putObject("table3");
        put(t3, "1", received);
        put(t3, "2", carriedIn);
        t3.setAll(results);
        put(t3, "3.7", total);
        put(t3, "4", carriedOut);
        ArrayNode t4 = tables.putArray("table4");
        long[][] blocks = {{6, 2, 1, 3}, {4, 1, 0, 2}, {3, 0, 2, 1}};
        for (long[] block : blocks) {
            long sum = 0;
            for (long v : block) {
                t4.add(v);
                sum += v;
            }
            t4.add(sum);
        }
        return new ExpectedReport(json);
    }

    /** The same report with one cell changed, breaking the relations that cell takes part in. */
    static ExpectedReport withCell(ExpectedReport report, String key, int column, long value) {
        ObjectNode json = ExpectedReport.MAPPER.createObjectNode();
        json.put("format", report.format());
        json.put("agency", report.agency());
        json.put("year", report.year());
        ObjectNode tables = report.tables().deepCopy();
        ((ArrayNode) tables.get("table3").get(key)).set(column, value);
        json.set("tables", tables);
        return new ExpectedReport(json);
    }

    private static void item(ArrayNode t2, String item, String... values) {
        ArrayNode v = t2.addObject().put("item", item).putArray("values");
        for (String value : values) {
            v.add(new BigDecimal(value));
        }
    }

    private static void put(ObjectNode t3, String key, long[] values) {
        ArrayNode row = t3.putArray(key);
        for (long v : values) {
            row.add(v);
        }
    }
}
