package xxgk.archive.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xxgk.archive.report.document.Row;

/**
 * Reads the {@link CommonFigure}s of a report: from tables 三 and 四 when it has them, else from its prose, sentence
 * by sentence, each figure from the first sentence that states it ("共受理政府信息公开申请12件", "未收到政府信息公开申请",
 * "未发生…行政复议或者提起行政诉讼"). A figure no sentence states is absent, never 0.
 */
public final class CommonFigures {

    private static final String UNIT = "\\s*(?:件|条|起|宗|个|次|人次)";
    /** Between a word and its number: a few characters, not another number, not the end of a clause. */
    private static final String GAP = "[^0-9。；;，,及和、]{0,12}?";
    /** A sentence; its clauses (；) stay together, as "其中：予以公开1件；部分公开1件" counts answers to requests. */
    private static final Pattern SENTENCE = Pattern.compile("[^。！!？?\\n]+");
    private static final Pattern NONE = Pattern.compile("(?:未|没有|尚未|无)(?:发生|收到|受理|接到|出现|涉及)?");

    /** How each figure is stated in prose: with its number, or as none at all. */
    private enum Statement {
        RECEIVED(CommonFigure.APPLICATIONS_RECEIVED,
                "(?:收到|受理|接到|接收)(?:[^0-9。；;，,]{0,16}?申请[^0-9。；;]{0,10}?(\\d+)" + UNIT + "|(\\d+)" + UNIT
                        + "[^。；;]{0,16}?申请)",
                "(?:未|没有|尚未|无)(?:收到|受理|接到)[^。；;]{0,16}?申请|没有依申请公开"),
        DISCLOSED(CommonFigure.DISCLOSED, "(?:同意公开|予以公开)[”\"]?" + GAP + "(\\d+)" + UNIT, null),
        PARTLY(CommonFigure.PARTLY_DISCLOSED, "部分公开[”\"]?" + GAP + "(\\d+)" + UNIT, null),
        REFUSED(CommonFigure.REFUSED, "(?:不予公开|不同意公开)[”\"]?" + GAP + "(\\d+)" + UNIT, null),
        NOT_HELD(CommonFigure.NOT_HELD,
                "(?:信息不存在|非本(?:部门|机关|单位)掌握|不掌握)[^0-9。；;，,]{0,14}?(\\d+)" + UNIT, null),
        REVIEWS(CommonFigure.ADMINISTRATIVE_REVIEWS, "复议" + GAP + "(\\d+)" + UNIT, NONE.pattern() + "[^。；;]{0,30}?复议"),
        LAWSUITS(CommonFigure.LAWSUITS, "诉讼" + GAP + "(\\d+)" + UNIT, NONE.pattern() + "[^。；;]{0,40}?诉讼");

        private final CommonFigure figure;
        private final Pattern number;
        private final Pattern none;

        Statement(CommonFigure figure, String number, String none) {
            this.figure = figure;
            this.number = Pattern.compile(number);
            this.none = none == null ? null : Pattern.compile(none);
        }

        /** The figure a sentence states, if it states this one. */
        Optional<Long> in(String sentence) {
            if (!concerns(sentence)) {
                return Optional.empty();
            }
            Matcher m = number.matcher(sentence);
            if (m.find()) {
                return Optional.of(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
            }
            return none != null && none.matcher(sentence).find() ? Optional.of(0L) : Optional.empty();
        }

        /** Outcomes count answers to requests: "不予公开信息有10条" alone is about information, not requests. */
        private boolean concerns(String sentence) {
            return switch (this) {
                case RECEIVED -> !sentence.contains("复议") && !sentence.contains("诉讼");
                case DISCLOSED, PARTLY, REFUSED, NOT_HELD -> sentence.contains("申请") || sentence.contains("答复");
                case REVIEWS, LAWSUITS -> true;
            };
        }
    }

    private CommonFigures() {
    }

    public static Map<CommonFigure, CommonFigure.Value> of(ReportTables tables, List<Row> rows) {
        return tables.table3().isEmpty() ? fromProse(rows) : fromTables(tables);
    }

    private static Map<CommonFigure, CommonFigure.Value> fromProse(List<Row> rows) {
        Map<CommonFigure, CommonFigure.Value> figures = new EnumMap<>(CommonFigure.class);
        for (Row row : rows) {
            Matcher sentences = SENTENCE.matcher(row.text());
            while (sentences.find()) {
                String sentence = sentences.group();
                for (Statement s : Statement.values()) {
                    if (!figures.containsKey(s.figure)) {
                        s.in(sentence).ifPresent(v -> figures.put(s.figure,
                                new CommonFigure.Value(v, new Source(row.cells().get(0).source().location(), sentence))));
                    }
                }
            }
        }
        return figures;
    }

    /** 总计 of rows 一, （一）, （二）, Σ（三）, （四）1; 行政复议 总计; both 行政诉讼 总计. */
    private static Map<CommonFigure, CommonFigure.Value> fromTables(ReportTables tables) {
        Map<CommonFigure, CommonFigure.Value> figures = new EnumMap<>(CommonFigure.class);
        Table3 t = tables.table3();
        total(t, List.of(Table3Key.NEW_REQUESTS)).ifPresent(v -> figures.put(CommonFigure.APPLICATIONS_RECEIVED, v));
        total(t, List.of(Table3Key.DISCLOSED)).ifPresent(v -> figures.put(CommonFigure.DISCLOSED, v));
        total(t, List.of(Table3Key.PARTLY_DISCLOSED)).ifPresent(v -> figures.put(CommonFigure.PARTLY_DISCLOSED, v));
        total(t, Table3Key.RESULTS_BEFORE_OTHER_HANDLING.stream().filter(k -> k.key().startsWith("3.3.")).toList())
                .ifPresent(v -> figures.put(CommonFigure.REFUSED, v));
        total(t, List.of(Table3Key.NOT_HELD)).ifPresent(v -> figures.put(CommonFigure.NOT_HELD, v));
        tables.table4().ifPresent(t4 -> {
            figures.put(CommonFigure.ADMINISTRATIVE_REVIEWS, new CommonFigure.Value(t4.cell(0, 4).longValue(),
                    new Source("t4_5", t4.cell(0, 4).value().toPlainString())));
            figures.put(CommonFigure.LAWSUITS, new CommonFigure.Value(t4.cell(1, 4).longValue() + t4.cell(2, 4).longValue(),
                    new Source("t4_10 + t4_15", t4.cell(1, 4).value().toPlainString() + " + "
                            + t4.cell(2, 4).value().toPlainString())));
        });
        return figures;
    }

    /** The sum of the 总计 cells of rows all printed, named by their export columns. */
    private static Optional<CommonFigure.Value> total(Table3 t, List<Table3Key> keys) {
        if (!keys.stream().allMatch(t::has)) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        long sum = 0;
        for (Table3Key k : keys) {
            columns.add(ReportJson.t3Column(k.key(), Applicant.TOTAL));
            values.add(String.valueOf(t.value(k, Applicant.TOTAL)));
            sum += t.value(k, Applicant.TOTAL);
        }
        return Optional.of(new CommonFigure.Value(sum, new Source(String.join(" + ", columns), String.join(" + ", values))));
    }
}
