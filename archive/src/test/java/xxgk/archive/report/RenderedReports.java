package xxgk.archive.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Known values rendered as the documents agencies publish: HTML with rowspan/colspan and DOCX with merges. */
final class RenderedReports {

    private RenderedReports() {
    }

    static byte[] html(ExpectedReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>政府信息公开</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
                + "<div class=\"TRS_Editor\">");
        for (OfficialLayout.Part part : OfficialLayout.of(report)) {
            if (part.paragraph() != null) {
                html.append("<p>").append(part.paragraph()).append("</p>");
                continue;
            }
            html.append("<table border=\"1\"><tbody>");
            for (List<OfficialLayout.Span> row : part.table()) {
                html.append("<tr>");
                for (OfficialLayout.Span span : row) {
                    html.append("<td");
                    if (span.rowspan() > 1) {
                        html.append(" rowspan=\"").append(span.rowspan()).append('"');
                    }
                    if (span.colspan() > 1) {
                        html.append(" colspan=\"").append(span.colspan()).append('"');
                    }
                    // Vertical header text, one character per line, as many portals print 自然人 or 结果维持.
                    String text = span.text().length() <= 4 && !span.text().matches("[\\d.]+")
                            ? String.join("<br>", span.text().split("")) : span.text();
                    html.append("><p>").append(text).append("</p></td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        return html.append("</div></body></html>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A DOCX whose merged cells are real Word merges: gridSpan across columns, vMerge restart/continue down rows. */
    static byte[] docx(ExpectedReport report) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (OfficialLayout.Part part : OfficialLayout.of(report)) {
                if (part.paragraph() != null) {
                    doc.createParagraph().createRun().setText(part.paragraph());
                    continue;
                }
                OfficialLayout.Slot[][] grid = OfficialLayout.grid(part.table());
                XWPFTable table = doc.createTable();
                for (int r = 0; r < grid.length; r++) {
                    XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
                    while (!row.getTableCells().isEmpty()) {
                        row.removeCell(0);
                    }
                    for (int c = 0; c < grid[r].length; ) {
                        OfficialLayout.Slot slot = grid[r][c];
                        XWPFTableCell cell = row.addNewTableCell();
                        CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                        if (slot.span().colspan() > 1) {
                            properties.addNewGridSpan().setVal(BigInteger.valueOf(slot.span().colspan()));
                        }
                        if (slot.span().rowspan() > 1) {
                            properties.addNewVMerge().setVal(slot.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
                        }
                        cell.setText(slot.row() == r ? slot.span().text() : "");
                        c += slot.span().colspan();
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
