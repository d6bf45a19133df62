package xxgk.archive.report;

import java.util.List;

/**
 * One row of table 二 (主动公开政府信息情况): the item as printed (规章, 行政规范性文件 or 规范性文件, 行政许可, …) and its
 * values in the document's column order. Values are decimals because the fee (万元) and procurement amounts are.
 */
public record Table2Row(String item, List<CellValue> values) {

    public Table2Row {
        values = List.copyOf(values);
    }
}
