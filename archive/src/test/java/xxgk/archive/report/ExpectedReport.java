package xxgk.archive.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a report prints, written by hand from the document (test resources
 * {@code reports/<stem>.expected.json}) or by a generator, in the shape of {@link ReportJson}'s core fields:
 * {@code format}, {@code agency}, {@code year}, {@code tables}. Compares a parse against them cell by cell.
 */
final class ExpectedReport {

    static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Right and wrong cells of one table; {@code extra} counts cells parsed that the document does not print. */
    record Score(int expected, int correct, int extra) {
        Score plus(Score other) {
            return new Score(expected + other.expected, correct + other.correct, extra + other.extra);
        }
    }

    private final JsonNode json;

    ExpectedReport(JsonNode json) {
        this.json = json;
    }

    static ExpectedReport resource(String stem) {
        try (InputStream in = ExpectedReport.class.getResourceAsStream("/reports/" + stem + ".expected.json")) {
            return new ExpectedReport(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String format() {
        return json.get("format").asText();
    }

    String agency() {
        return json.get("agency").asText();
    }

    int year() {
        return json.get("year").asInt();
    }

    JsonNode tables() {
        return json.get("tables");
    }

    /** Table 二 rows, item to values, in document order. */
    Map<String, List<BigDecimal>> table2() {
        Map<String, List<BigDecimal>> rows = new LinkedHashMap<>();
        for (JsonNode row : tables().get("table2")) {
            rows.put(row.get("item").asText(), numbers(row.get("values")));
        }
        return rows;
    }

    /** Table 三 rows, key to seven values, as printed. */
    Map<String, List<BigDecimal>> table3() {
        Map<String, List<BigDecimal>> rows = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tables().get("table3").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            rows.put(e.getKey(), numbers(e.getValue()));
        }
        return rows;
    }

    List<BigDecimal> table4() {
        return tables().get("table4").isNull() ? List.of() : numbers(tables().get("table4"));
    }

    /** Every difference between the parse and these values, one line each; empty when every cell is right. */
    List<String> differences(ParsedReport parsed) {
        List<String> differences = new ArrayList<>();
        if (!format().equals(parsed.format().id())) {
            differences.add("format " + parsed.format().id() + ", expected " + format());
        }
        if (!agency().equals(parsed.agency())) {
            differences.add("agency " + parsed.agency() + ", expected " + agency());
        }
        if (year() != parsed.year()) {
            differences.add("year " + parsed.year() + ", expected " + year());
        }
        JsonNode actual = ReportJson.toJson(parsed).get("tables");
        compare("table2", tables().get("table2"), actual.get("table2"), differences);
        compare("table3", tables().get("table3"), actual.get("table3"), differences);
        compare("table4", tables().get("table4"), actual.get("table4"), differences);
        return differences;
    }

    /** Cell scores per table: "table2", "table3", "table4". */
    Map<String, Score> scores(ParsedReport parsed) {
        JsonNode actual = ReportJson.toJson(parsed).get("tables");
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String table : List.of("table2", "table3", "table4")) {
            List<String> differences = new ArrayList<>();
            compare(table, tables().get(table), actual.get(table), differences);
            int expected = rows(table, tables().get(table)).values().stream().mapToInt(JsonNode::size).sum();
            int wrongOrMissing = (int) differences.stream().filter(d -> !d.contains("not printed")).count();
            int extra = differences.size() - wrongOrMissing;
            scores.put(table, new Score(expected, Math.max(0, expected - wrongOrMissing), extra));
        }
        return scores;
    }

    /**
     * Cells of a scanned report: {@code right} read right and not flagged, {@code flagged} reported uncertain
     * ({@code flaggedWrong} of them misread), {@code wrong} misread or missing without a flag — the ones that must
     * not happen.
     */
    record ScanScore(int right, int flagged, int flaggedWrong, int wrong) {
        ScanScore plus(ScanScore other) {
            return new ScanScore(right + other.right, flagged + other.flagged, flaggedWrong + other.flaggedWrong,
                    wrong + other.wrong);
        }
    }

    ScanScore scanScore(ParsedReport parsed) {
        Map<String, BigDecimal> read = ReportJson.flatRow(parsed);
        java.util.Set<String> flagged = new java.util.HashSet<>();
        parsed.uncertain().forEach(u -> flagged.add(u.cell()));
        int right = 0, flags = 0, flaggedWrong = 0, wrong = 0;
        for (Map.Entry<String, BigDecimal> cell : columns().entrySet()) {
            BigDecimal got = read.get(cell.getKey());
            boolean correct = got != null && got.compareTo(cell.getValue()) == 0;
            if (flagged.contains(cell.getKey())) {
                flags++;
                flaggedWrong += correct ? 0 : 1;
            } else if (correct) {
                right++;
            } else {
                wrong++;
            }
        }
        return new ScanScore(right, flags, flaggedWrong, wrong);
    }

    /** The printed cells by export column. */
    Map<String, BigDecimal> columns() {
        Map<String, BigDecimal> columns = new LinkedHashMap<>();
        table2().forEach((item, values) -> {
            for (int i = 0; i < values.size(); i++) {
                columns.put("t2_" + item + "_" + (i + 1), values.get(i));
            }
        });
        table3().forEach((key, values) -> {
            for (Applicant a : Applicant.values()) {
                columns.put(ReportJson.t3Column(key, a), values.get(a.ordinal()));
            }
        });
        List<BigDecimal> t4 = table4();
        for (int i = 0; i < t4.size(); i++) {
            columns.put("t4_" + (i + 1), t4.get(i));
        }
        return columns;
    }

    private static void compare(String table, JsonNode expected, JsonNode actual, List<String> differences) {
        Map<String, JsonNode> e = rows(table, expected);
        Map<String, JsonNode> a = rows(table, actual);
        e.forEach((row, values) -> {
            JsonNode got = a.get(row);
            for (int i = 0; i < values.size(); i++) {
                String where = table + " " + row + " value " + (i + 1);
                if (got == null || got.size() <= i) {
                    differences.add(where + ": missing, expected " + values.get(i));
                } else if (got.get(i).decimalValue().compareTo(values.get(i).decimalValue()) != 0) {
                    differences.add(where + ": " + got.get(i) + ", expected " + values.get(i));
                }
            }
        });
        a.forEach((row, values) -> {
            int printed = e.containsKey(row) ? e.get(row).size() : 0;
            for (int i = printed; i < values.size(); i++) {
                differences.add(table + " " + row + " value " + (i + 1) + ": " + values.get(i) + ", not printed");
            }
        });
    }

    /** A table's rows by name: table 二 by item, table 三 by key, table 四 as one row. */
    private static Map<String, JsonNode> rows(String table, JsonNode node) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return rows;
        }
        switch (table) {
            case "table2" -> node.forEach(r -> rows.put(r.get("item").asText(), r.get("values")));
            case "table3" -> node.fields().forEachRemaining(f -> rows.put(f.getKey(), f.getValue()));
            default -> rows.put("", node);
        }
        return rows;
    }

    private static List<BigDecimal> numbers(JsonNode array) {
        List<BigDecimal> numbers = new ArrayList<>();
        array.forEach(n -> numbers.add(n.decimalValue()));
        return numbers;
    }
}
