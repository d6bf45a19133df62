package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import xxgk.archive.report.document.CellText;

/** How cell text reads: numbers with notes and units, blanks meaning 0, and labels that start with a digit. */
class CellTextTest {

    @Test
    void aNumberWithANoteInBracketsKeepsTheNumberAndTheNote() {
        CellText.Reading r = CellText.read("22（其中修订16件）");

        assertThat(r.number()).isEqualByComparingTo("22");
        assertThat(r.note()).contains("其中修订16件");
    }

    @Test
    void feesStayDecimalAndAUnitIsNoted() {
        assertThat(CellText.read("4591.36").number()).isEqualTo(new BigDecimal("4591.36"));
        assertThat(CellText.read("210.8万").note()).isEqualTo("unit 万");
        assertThat(CellText.read("１，２３４").number()).isEqualByComparingTo("1234");
    }

    @Test
    void blankSlashAndDashReadAsBlank() {
        for (String blank : new String[] {"", " ", "/", "／", "—", "-", "无"}) {
            assertThat(CellText.read(blank).kind()).as(blank).isEqualTo(CellText.Kind.BLANK);
        }
    }

    @Test
    void rowLabelsStartingWithADigitAreText() {
        assertThat(CellText.read("1.属于国家秘密").kind()).isEqualTo(CellText.Kind.TEXT);
        assertThat(CellText.read("3.").kind()).isEqualTo(CellText.Kind.TEXT);
        assertThat(CellText.read("2021年").kind()).isEqualTo(CellText.Kind.TEXT);
    }

    @Test
    void aNegativeChangeIsANumber() {
        assertThat(CellText.read("-2").number()).isEqualByComparingTo("-2");
    }
}
