package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xxgk.archive.report.document.OcrAvailability;

/**
 * Seed reports scanned (every page an image, no text layer) are read cell by cell by OCR: every cell comes out
 * right or is reported uncertain, never silently wrong.
 */
class ScannedReportTest {

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    @ParameterizedTest
    @ValueSource(strings = {"001_d601352be8b8720b", "003_41ae5f6dd78fef43"})
    void everyCellOfAScanIsRightOrFlaggedUncertain(String stem) throws IOException {
        assumeTrue(OcrAvailability.chineseOcrInstalled(), "tesseract with chi_sim is not installed");
        ExpectedReport expected = ExpectedReport.resource(stem);

        ParsedReport parsed = parser.parse(ScannedRendering.of("/reports/generated/" + stem + ".pdf"), stem + ".pdf");

        ExpectedReport.ScanScore score = expected.scanScore(parsed);
        assertThat(parsed.ocr()).isEqualTo(OcrStatus.OCR);
        assertThat(score.wrong()).as("cells misread without a flag: %s", expected.differences(parsed)).isZero();
        assertThat(score.right()).isGreaterThan(expected.columns().size() * 9 / 10);
    }
}
