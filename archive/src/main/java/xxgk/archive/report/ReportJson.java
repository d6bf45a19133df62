package xxgk.archive.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON and flat-row shapes of a {@link ParsedReport}, which scripts depend on.
 *
 * <p>{@link #toJson}: {@code {"format": "fmt2021", "agency": "呼兰区", "year": 2023, "title": …,
 * "tables": {"table2": [{"item": "规章", "values": [0, 0, 0]}, …], "table3": {"1": [37, 0, 0, 1, 0, 0, 38], …},
 * "table4": [4, 0, 0, 0, 4, …] or null}, "checks": [{"id", "status", "expected", "actual"}, …],
 * "warnings": [{"id", "message"}], "notes": […], "ocr": "NONE", "parserVersion": "1",
 * "uncertain": [{"cell": "t3_3.1_自然人", "value": 12, "reason": …}] (cells of a scan not to be trusted),
 * "commonFigures": {"applications_received": {"value": 38, "source": "t3_1_总计: 38"}, …} (see {@link CommonFigure}),
 * "sources": {"t3_1_自然人": "line 89: 37", …}}}. Table 三 rows the document lacks are absent.
 *
 * <p>{@link #flatRow}: one entry per cell, named {@code t3_<key>_<column>} (columns 自然人 … 总计),
 * {@code t4_1} … {@code t4_15}, {@code t2_<item as printed>_<n>}; {@link #tableColumns()} is the fixed order
 * for the t3 and t4 columns of an export; t2 columns vary with the items a report prints.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportJson() {
    }

    public static ObjectNode toJson(ParsedReport report) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", report.format().id());
        json.put("agency", report.agency());
        json.put("year", report.year());
        json.put("title", report.title());
        json.set("tables", tables(report.tables()));
        ArrayNode checks = json.putArray("checks");
        for (Check c : report.checks()) {
            checks.addObject().put("id", c.id()).put("status", c.status().name())
                    .put("expected", c.expected()).put("actual", c.actual());
        }
        ArrayNode warnings = json.putArray("warnings");
        report.warnings().forEach(w -> warnings.addObject().put("id", w.id()).put("message", w.message()));
        ArrayNode notes = json.putArray("notes");
        report.notes().forEach(notes::add);
        json.put("ocr", report.ocr().name());
        json.put("parserVersion", report.parserVersion());
        ArrayNode uncertain = json.putArray("uncertain");
        report.uncertain().forEach(u -> uncertain.addObject().put("cell", u.cell()).put("value", u.value())
                .put("reason", u.reason()));
        ObjectNode figures = json.putObject("commonFigures");
        report.commonFigures().forEach((figure, v) -> figures.putObject(figure.id()).put("value", v.value())
                .put("source", v.source().toString()));
        ObjectNode sources = json.putObject("sources");
        cells(report.tables()).forEach((column, cell) -> sources.put(column, cell.source().toString()));
        return json;
    }

    public static String toJsonString(ParsedReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The cells of a report as export columns, in table order; values are numbers. */
    public static Map<String, BigDecimal> flatRow(ParsedReport report) {
        Map<String, BigDecimal> row = new LinkedHashMap<>();
        cells(report.tables()).forEach((column, cell) -> row.put(column, cell.value()));
        return row;
    }

    /** The flat row as a JSON object on one line: the form in which it is stored and exported. */
    public static String cellsJson(Map<String, BigDecimal> cells) {
        ObjectNode json = MAPPER.createObjectNode();
        cells.forEach(json::put);
        return json.toString();
    }

    /** The flat row back from {@link #cellsJson}, in its order. */
    public static Map<String, BigDecimal> cellsFromJson(String json) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        read(json).fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().decimalValue()));
        return cells;
    }

    /** A report's JSON (or its cells) back from its stored text, decimals exact. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored parse is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Every t3 and t4 export column, in table order, whichever rows a report has. */
    public static List<String> tableColumns() {
        List<String> columns = new ArrayList<>();
        for (Table3Key key : Table3Key.values()) {
            for (Applicant a : Applicant.values()) {
                columns.add(t3Column(key.key(), a));
            }
        }
        for (int i = 1; i <= Table4.SIZE; i++) {
            columns.add("t4_" + i);
        }
        return columns;
    }

    private static JsonNode tables(ReportTables tables) {
        ObjectNode json = MAPPER.createObjectNode();
        ArrayNode table2 = json.putArray("table2");
        for (Table2Row row : tables.table2()) {
            ObjectNode item = table2.addObject().put("item", row.item());
            ArrayNode values = item.putArray("values");
            row.values().forEach(v -> values.add(v.value()));
        }
        ObjectNode table3 = json.putObject("table3");
        tables.table3().rows().forEach((key, values) -> {
            ArrayNode row = table3.putArray(key);
            values.forEach(v -> row.add(count(v)));
        });
        if (tables.table4().isPresent()) {
            ArrayNode table4 = json.putArray("table4");
            tables.table4().get().values().forEach(v -> table4.add(count(v)));
        } else {
            json.putNull("table4");
        }
        return json;
    }

    /** Counts print as integers; a count printed with decimals (a broken document) keeps them. */
    private static JsonNode count(CellValue v) {
        return v.value().stripTrailingZeros().scale() <= 0
                ? JsonNodeFactory.instance.numberNode(v.value().longValueExact())
                : JsonNodeFactory.instance.numberNode(v.value());
    }

    /** Every cell of the tables by export column, in table order. */
    public static Map<String, CellValue> cells(ReportTables tables) {
        Map<String, CellValue> cells = new LinkedHashMap<>();
        for (Table2Row row : tables.table2()) {
            for (int i = 0; i < row.values().size(); i++) {
                cells.put("t2_" + row.item() + "_" + (i + 1), row.values().get(i));
            }
        }
        tables.table3().rows().forEach((key, values) -> {
            for (Applicant a : Applicant.values()) {
                cells.put(t3Column(key, a), values.get(a.ordinal()));
            }
        });
        tables.table4().ifPresent(t -> {
            for (int i = 0; i < Table4.SIZE; i++) {
                cells.put("t4_" + (i + 1), t.values().get(i));
            }
        });
        return cells;
    }

    /** The export column of a table 三 cell, e.g. {@code t3_3.1_自然人}. */
    public static String t3Column(String key, Applicant column) {
        return "t3_" + key + "_" + column.label();
    }
}
