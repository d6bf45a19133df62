package xxgk.archive.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes parsed reports for spreadsheets and pandas, one row per report, in the columns and order of
 * {@link ExportColumns}: CSV gives every row every column (an absent cell is empty), text that a spreadsheet
 * would run as a formula marked as text; JSON Lines gives each report's identity and its own cells only, as they are.
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

    /**
     * The rows to write, handed over one at a time in their order, as often as the format reads them: JSON Lines once,
     * CSV twice (its header is every row's cells: first the columns, then the rows), so that no more than a row is
     * held, however many reports the archive has.
     */
    @FunctionalInterface
    public interface Rows {
        void forEach(Consumer<ExportRow> action);
    }

    /** Excel reads a CSV as UTF-8 only when it begins with the byte order mark. */
    private static final char BOM = '\uFEFF';

    private ReportExport() {
    }

    /** Writes the rows as each comes; bom puts the byte order mark first (CSV only: JSON Lines has none). */
    public static void write(Rows rows, Format format, boolean bom, Writer out) throws IOException {
        try {
            if (format == Format.CSV) {
                if (bom) {
                    out.write(BOM);
                }
                writeCsv(rows, out);
            } else {
                rows.forEach(row -> {
                    try {
                        out.write(jsonLine(row));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** The codebook: every column with its meaning in Chinese and English, as CSV. */
    public static void writeCodebook(boolean bom, Writer out) throws IOException {
        if (bom) {
            out.write(BOM);
        }
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord("column", "zh", "en");
        for (ExportColumns.Column c : ExportColumns.codebook()) {
            csv.printRecord(c.name(), c.zh(), c.en());
        }
        csv.flush();
    }

    /** The documented columns, then any table-二 item the codebook does not know, in the order the rows have them. */
    static List<String> columns(Rows rows) {
        Set<String> columns = new LinkedHashSet<>();
        ExportColumns.codebook().forEach(c -> columns.add(c.name()));
        rows.forEach(r -> columns.addAll(r.cells().keySet()));
        return new ArrayList<>(columns);
    }

    private static void writeCsv(Rows rows, Writer out) throws IOException {
        List<String> columns = columns(rows);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord(columns);
        int identity = ExportColumns.IDENTITY.size();
        rows.forEach(row -> {
            List<String> values = new ArrayList<>(columns.size());
            row.identity().forEach(v -> values.add(text(v)));
            for (String column : columns.subList(identity, columns.size())) {
                BigDecimal v = row.cells().get(column);
                values.add(v == null ? "" : v.toPlainString());
            }
            try {
                csv.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /**
     * Text from a portal as a spreadsheet will not run it: a cell opening with = + - @ (or a tab or carriage return)
     * would be taken for a formula, so it gets a leading apostrophe, the spreadsheets' own mark for text.
     */
    private static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String jsonLine(ExportRow row) {
        ObjectNode json = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        json.put("id", row.id()).put("agency", row.agency()).put("year", row.year()).put("title", row.title())
                .put("published", row.published().isEmpty() ? null : row.published()).put("format", row.format())
                .put("status", row.status()).put("checks_failed", String.join(";", row.checksFailed()))
                .put("parser_version", row.parserVersion()).put("site", row.site()).put("url", row.url()).put("sha256", row.sha256());
        for (String column : columns(List.of(row)::forEach)) {
            BigDecimal v = row.cells().get(column);
            if (v != null) {
                json.put(column, v);
            }
        }
        return json.toString();
    }
}
