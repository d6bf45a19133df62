package xxgk.archive.report;

import java.util.List;

/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况): its one data row of 15 values — three blocks (行政复议, 未经复议直接起诉,
 * 复议后起诉) of five (结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
 */
public record Table4(List<CellValue> values) {

    public static final List<String> BLOCKS = List.of("行政复议", "未经复议直接起诉", "复议后起诉");
    public static final List<String> OUTCOMES = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    public static final int SIZE = BLOCKS.size() * OUTCOMES.size();

    public Table4 {
        if (values.size() != SIZE) {
            throw new IllegalArgumentException("table 四 has " + values.size() + " values, not 15");
        }
        values = List.copyOf(values);
    }

    /** The value of one outcome (0–4) of one block (0–2). */
    public CellValue cell(int block, int outcome) {
        return values.get(block * OUTCOMES.size() + outcome);
    }
}
