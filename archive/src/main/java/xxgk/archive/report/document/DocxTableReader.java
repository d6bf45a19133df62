package xxgk.archive.report.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a DOCX document into rows with POI: paragraphs become prose, each table row a row. A cell spanning grid
 * columns ({@code gridSpan}) stands once; a cell continuing a vertical merge ({@code vMerge}) repeats the label
 * above it, so that every row of a block carries the block's label.
 */
public final class DocxTableReader {

    private DocxTableReader() {
    }

    public static ReportDocument read(byte[] docx) throws IOException {
        List<Row> rows = new ArrayList<>();
        int tables = 0;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p && !p.getText().isBlank()) {
                    rows.add(Row.prose(Cell.at("paragraph " + (rows.size() + 1), p.getText().strip())));
                } else if (element instanceof XWPFTable table) {
                    readTable(table, ++tables, rows);
                }
            }
        }
        return new ReportDocument(rows, "docx-grid");
    }

    private static void readTable(XWPFTable table, int number, List<Row> rows) {
        Map<Integer, String> above = new HashMap<>();
        List<XWPFTableRow> tableRows = table.getRows();
        for (int r = 0; r < tableRows.size(); r++) {
            List<Cell> cells = new ArrayList<>();
            Map<Integer, String> current = new HashMap<>();
            int col = 0;
            for (XWPFTableCell cell : tableRows.get(r).getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = gridSpan(properties);
                String text = cell.getText().strip();
                String location = "table " + number + ", row " + (r + 1) + ", column " + (col + 1);
                if (continuesVerticalMerge(properties)) {
                    text = above.getOrDefault(col, "");
                    // A merged number belongs to the row it starts in; a merged label stands in every row.
                    if (!CellText.read(text).isValue()) {
                        cells.add(Cell.at(location, text));
                    }
                } else {
                    cells.add(Cell.at(location, text));
                }
                for (int c = col; c < col + span; c++) {
                    current.put(c, text);
                }
                col += span;
            }
            above = current;
            rows.add(new Row(cells, false));
        }
    }

    private static int gridSpan(CTTcPr properties) {
        if (properties == null || properties.getGridSpan() == null) {
            return 1;
        }
        BigInteger span = properties.getGridSpan().getVal();
        return span == null ? 1 : Math.max(1, span.intValue());
    }

    private static boolean continuesVerticalMerge(CTTcPr properties) {
        if (properties == null || properties.getVMerge() == null) {
            return false;
        }
        Object value = properties.getVMerge().getVal();
        return value == null || STMerge.CONTINUE.equals(value);
    }
}
