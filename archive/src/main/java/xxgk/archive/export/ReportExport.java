package xxgk.archive.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import xxgk.archive.report.ReportJson;

/**
 * Writes parsed reports for spreadsheets and pandas, one row per report: the identity columns (agency, year,
 * site, url, sha256), then every cell of table 三 and 四 in table order, then the cells of table 二 in the order
 * the reports print them. CSV gives every row every column (an absent cell is empty), text that a spreadsheet
 * would run as a formula marked as text; JSON Lines gives each report's own cells only, as they are.
 */
public final class ReportExport {

    /** The export formats of {@code xxgk export --format}. */
    public enum Format {
        CSV, JSONL;

        public static Format of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format " + name + "; use csv or jsonl");
            }
        }
    }

    static final List<String> IDENTITY = List.of("agency", "year", "site", "url", "sha256");

    private ReportExport() {
    }

    public static void write(List<ExportRow> rows, Format format, Writer out) throws IOException {
        if (format == Format.CSV) {
            writeCsv(rows, out);
        } else {
            for (ExportRow row : rows) {
                out.write(jsonLine(row));
                out.write('\n');
            }
        }
        out.flush();
    }

    /** Identity columns, then t3 and t4 in table order, then t2 in the order reports print their items. */
    static List<String> columns(List<ExportRow> rows) {
        Set<String> columns = new LinkedHashSet<>(IDENTITY);
        columns.addAll(ReportJson.tableColumns());
        for (ExportRow row : rows) {
            row.cells().keySet().stream().filter(c -> c.startsWith("t2_")).forEach(columns::add);
        }
        return new ArrayList<>(columns);
    }

    private static void writeCsv(List<ExportRow> rows, Writer out) throws IOException {
        List<String> columns = columns(rows);
        out.write(csvLine(columns));
        for (ExportRow row : rows) {
            List<String> values = new ArrayList<>(columns.size());
            values.addAll(List.of(text(row.agency()), String.valueOf(row.year()), text(row.site()), text(row.url()), row.sha256()));
            for (String column : columns.subList(IDENTITY.size(), columns.size())) {
                BigDecimal v = row.cells().get(column);
                values.add(v == null ? "" : v.toPlainString());
            }
            out.write(csvLine(values));
        }
    }

    /**
     * Text from a portal as a spreadsheet will not run it: a cell opening with = + - @ (or a tab or carriage return)
     * would be taken for a formula, so it gets a leading apostrophe, the spreadsheets' own mark for text.
     */
    private static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (String v : values) {
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
            line.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return line.append("\r\n").toString();
    }

    private static String jsonLine(ExportRow row) {
        ObjectNode json = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        json.put("agency", row.agency()).put("year", row.year()).put("site", row.site()).put("url", row.url())
                .put("sha256", row.sha256());
        row.cells().forEach(json::put);
        return json.toString();
    }
}
