package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xxgk.archive.report.check.UncertainCells;

/**
 * A misread cell breaks its row total and its column's sums, which meet in it alone: it is the one reported
 * uncertain, with the value the sums imply; a doubted reading is reported as such.
 */
class UncertainCellsTest {

    private static ParsedReport consistent;

    @BeforeAll
    static void parse() throws IOException {
        consistent = new ReportParser().parse(RenderedReports.html(SyntheticReports.consistent(ReportFormat.FMT2021)),
                "report.html");
    }

    @Test
    void aConsistentReportHasNoUncertainCell() {
        assertThat(UncertainCells.find(consistent.tables(), Map.of())).isEmpty();
    }

    @Test
    void aMisreadCellIsTheOneReportedWithTheValueTheSumsImply() {
        CellValue printed = consistent.tables().table3().cell(Table3Key.DISCLOSED, Applicant.NATURAL_PERSON).orElseThrow();
        ReportTables misread = withT3Cell(Table3Key.DISCLOSED, Applicant.NATURAL_PERSON, printed.value().add(BigDecimal.TEN));

        List<UncertainCell> uncertain = UncertainCells.find(misread, Map.of());

        assertThat(uncertain).extracting(UncertainCell::cell).containsExactly("t3_3.1_自然人");
        assertThat(uncertain.get(0).reason()).contains("they imply " + printed.value().toPlainString());
    }

    @Test
    void aReadingTesseractDoubtedIsReportedEvenWhenTheSumsHold() {
        CellValue cell = consistent.tables().table3().cell(Table3Key.TOTAL, Applicant.TOTAL).orElseThrow();

        List<UncertainCell> uncertain = UncertainCells.find(consistent.tables(),
                Map.of(cell.source().location(), "read \"3\" with digits alone but \"8\" as text"));

        assertThat(uncertain).extracting(UncertainCell::cell).containsExactly("t3_3.7_总计");
        assertThat(uncertain.get(0).reason()).startsWith("OCR read \"3\"");
    }

    private static ReportTables withT3Cell(Table3Key key, Applicant column, BigDecimal value) {
        Map<String, List<CellValue>> rows = new LinkedHashMap<>(consistent.tables().table3().rows());
        List<CellValue> row = new ArrayList<>(rows.get(key.key()));
        CellValue old = row.get(column.ordinal());
        row.set(column.ordinal(), new CellValue(value, old.source(), false));
        rows.put(key.key(), row);
        return new ReportTables(consistent.tables().table2(), new Table3(rows), consistent.tables().table4());
    }
}
