package xxgk.archive.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What was read from one annual report: its format, who published it and for which year, its tables as printed,
 * the hard checks, soft-rule warnings and notes on how cells were read (e.g. a blank cell taken as 0).
 * {@code year} is 0 when the document names none and no publication date is known; {@code agency} is then "".
 * {@code commonFigures} are the figures comparable across formats, pre2019 ones included.
 * {@code uncertain} names the cells of a scanned report that are not to be trusted (empty for a text document).
 */
public record ParsedReport(
        ReportFormat format,
        String agency,
        int year,
        String title,
        ReportTables tables,
        List<Check> checks,
        List<Warning> warnings,
        List<String> notes,
        OcrStatus ocr,
        String parserVersion,
        List<UncertainCell> uncertain,
        Map<CommonFigure, CommonFigure.Value> commonFigures) {

    public ParsedReport {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        uncertain = List.copyOf(uncertain);
        Map<CommonFigure, CommonFigure.Value> figures = new EnumMap<>(CommonFigure.class);
        figures.putAll(commonFigures);
        commonFigures = Collections.unmodifiableMap(figures);
    }
}
