package xxgk.archive.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report laid out as the unified format prints it, for rendering known values into HTML, DOCX and PDF: the
 * title, sections 一 to 六, and tables 二, 三 and 四 with their merged header and label cells.
 */
final class OfficialLayout {

    /** A table cell where it starts, spanning rows and columns as in HTML. */
    record Span(String text, int rowspan, int colspan) {
        static Span of(String text) {
            return new Span(text, 1, 1);
        }
    }

    /** Where each cell of a table stands in its full grid: the span covering each slot, and if it starts there. */
    record Slot(Span span, boolean start, int row, int column) {
    }

    static Slot[][] grid(List<List<Span>> rows) {
        int width = rows.get(0).stream().mapToInt(Span::colspan).sum();
        Slot[][] grid = new Slot[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Span span : rows.get(r)) {
                while (grid[r][c] != null) {
                    c++;
                }
                for (int dr = 0; dr < span.rowspan(); dr++) {
                    for (int dc = 0; dc < span.colspan(); dc++) {
                        grid[r + dr][c + dc] = new Slot(span, dr == 0 && dc == 0, r, c);
                    }
                }
                c += span.colspan();
            }
        }
        return grid;
    }

    /** A part of the document: a paragraph, or a table as rows of starting cells. */
    record Part(String paragraph, List<List<Span>> table) {
        static Part text(String paragraph) {
            return new Part(paragraph, null);
        }

        static Part table(List<List<Span>> rows) {
            return new Part(null, rows);
        }
    }

    private static final Map<String, String> BLOCK_OF_ITEM = Map.of("规章", "第二十条第（一）项",
            "行政许可", "第二十条第（五）项", "行政处罚", "第二十条第（六）项", "行政事业性收费", "第二十条第（八）项",
            "政府集中采购", "第二十条第（九）项");

    private OfficialLayout() {
    }

    static List<Part> of(ExpectedReport report) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text(report.agency() + report.year() + "年政府信息公开工作年度报告"));
        parts.add(Part.text("一、总体情况"));
        parts.add(Part.text("本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政府信息公开工作。"));
        parts.add(Part.text("二、主动公开政府信息情况"));
        parts.add(Part.table(table2(report)));
        parts.add(Part.text("三、收到和处理政府信息公开申请情况"));
        parts.add(Part.table(table3(report)));
        parts.add(Part.text("四、政府信息公开行政复议、行政诉讼情况"));
        if (!report.table4().isEmpty()) {
            parts.add(Part.table(table4(report)));
        }
        parts.add(Part.text("五、存在的主要问题及改进情况"));
        parts.add(Part.text("政务公开工作仍有不足，下一步将继续加强。"));
        parts.add(Part.text("六、其他需要报告的事项"));
        parts.add(Part.text("本年度未收取信息处理费。"));
        return parts;
    }

    private static List<List<Span>> table2(ExpectedReport report) {
        boolean fmt2021 = report.format().equals("fmt2021");
        List<List<Span>> rows = new ArrayList<>();
        report.table2().forEach((item, values) -> {
            if (BLOCK_OF_ITEM.containsKey(item)) {
                rows.add(List.of(new Span(BLOCK_OF_ITEM.get(item), 1, 4)));
                List<Span> header = new ArrayList<>();
                header.add(Span.of("信息内容"));
                List<String> columns = columns(item, fmt2021);
                for (int i = 0; i < columns.size(); i++) {
                    header.add(new Span(columns.get(i), 1, i == columns.size() - 1 ? 4 - columns.size() : 1));
                }
                rows.add(header);
            }
            List<Span> row = new ArrayList<>();
            row.add(Span.of(item));
            for (int i = 0; i < values.size(); i++) {
                row.add(new Span(values.get(i).toPlainString(), 1, i == values.size() - 1 ? 4 - values.size() : 1));
            }
            rows.add(row);
        });
        return rows;
    }

    private static List<String> columns(String item, boolean fmt2021) {
        if (item.equals("规章") || item.contains("规范性文件")) {
            return fmt2021 ? List.of("本年制发件数", "本年废止件数", "现行有效件数")
                    : List.of("本年新制作数量", "本年新公开数量", "对外公开总数量");
        }
        if (item.equals("行政事业性收费")) {
            return fmt2021 ? List.of("本年收费金额（单位：万元）") : List.of("上一年项目数量", "本年增/减");
        }
        if (item.equals("政府集中采购")) {
            return List.of("采购项目数量", "采购总金额");
        }
        return fmt2021 ? List.of("本年处理决定数量") : List.of("上一年项目数量", "本年增/减", "处理决定数量");
    }

    private static List<List<Span>> table3(ExpectedReport report) {
        Map<String, List<BigDecimal>> t3 = report.table3();
        List<List<Span>> rows = new ArrayList<>();
        rows.add(List.of(new Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                new Span("申请人情况", 1, 7)));
        rows.add(List.of(new Span("自然人", 2, 1), new Span("法人或其他组织", 1, 5), new Span("总计", 2, 1)));
        rows.add(List.of(Span.of("商业企业"), Span.of("科研机构"), Span.of("社会公益组织"), Span.of("法律服务机构"),
                Span.of("其他")));
        long results = t3.keySet().stream().filter(k -> k.startsWith("3.")).count();
        boolean resultsLabelled = false;
        String block = "";
        for (Table3Key key : Table3Key.values()) {
            List<BigDecimal> values = t3.get(key.key());
            if (values == null) {
                continue;
            }
            List<Span> row = new ArrayList<>();
            String k = key.key();
            if (!k.startsWith("3.")) {
                row.add(new Span(key.label(), 1, 3));
            } else {
                if (!resultsLabelled) {
                    row.add(new Span("三、本年度办理结果", (int) results, 1));
                    resultsLabelled = true;
                }
                String parent = k.length() > 3 ? k.substring(0, 3) : "";
                if (parent.isEmpty()) {
                    row.add(new Span(key.label(), 1, 2));
                } else if (!parent.equals(block)) {
                    block = parent;
                    long parts = t3.keySet().stream().filter(x -> x.startsWith(parent + ".")).count();
                    row.add(new Span(BLOCK_LABELS.get(parent), (int) parts, 1));
                    row.add(Span.of(key.label()));
                } else {
                    row.add(Span.of(key.label()));
                }
            }
            values.forEach(v -> row.add(Span.of(v.toPlainString())));
            rows.add(row);
        }
        return rows;
    }

    private static final Map<String, String> BLOCK_LABELS = Map.of("3.3", "（三）不予公开", "3.4", "（四）无法提供",
            "3.5", "（五）不予处理", "3.6", "（六）其他处理");

    private static List<List<Span>> table4(ExpectedReport report) {
        List<List<Span>> rows = new ArrayList<>();
        rows.add(List.of(new Span("行政复议", 1, 5), new Span("行政诉讼", 1, 10)));
        List<Span> second = new ArrayList<>();
        Table4.OUTCOMES.forEach(o -> second.add(new Span(o, 2, 1)));
        second.add(new Span("未经复议直接起诉", 1, 5));
        second.add(new Span("复议后起诉", 1, 5));
        rows.add(second);
        List<Span> third = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Table4.OUTCOMES.forEach(o -> third.add(Span.of(o)));
        }
        rows.add(third);
        List<Span> data = new ArrayList<>();
        report.table4().forEach(v -> data.add(Span.of(v.toPlainString())));
        rows.add(data);
        return rows;
    }
}
