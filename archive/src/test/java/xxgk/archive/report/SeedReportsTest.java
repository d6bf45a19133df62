package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five seed reports, as text extracted from real originals, parse with every printed cell right: the values
 * in {@code reports/<stem>.expected.json} were written by reading the seeds, not by running the parser.
 */
class SeedReportsTest {

    static final String[] SEEDS = {"000_1c606755e92636da", "001_d601352be8b8720b", "002_53e32c99ac2f321c",
            "003_41ae5f6dd78fef43", "004_15d564b43078fcdc"};

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    static Stream<String> seeds() {
        return Stream.of(SEEDS);
    }

    static ParsedReport parseSeed(ReportParser parser, String stem) throws IOException {
        try (InputStream in = SeedReportsTest.class.getResourceAsStream("/reports/" + stem + ".txt")) {
            return parser.parse(in.readAllBytes(), stem + ".txt");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyPrintedCellIsRead(String stem) throws IOException {
        ParsedReport parsed = parseSeed(parser, stem);

        assertThat(ExpectedReport.resource(stem).differences(parsed)).isEmpty();
        assertThat(parsed.ocr()).isEqualTo(OcrStatus.NONE);
        assertThat(parsed.parserVersion()).isEqualTo(ReportParser.VERSION);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyValueKeepsTheTextAndLineItWasReadFrom(String stem) throws IOException {
        ParsedReport parsed = parseSeed(parser, stem);

        parsed.tables().table3().rows().values().forEach(row -> row.forEach(cell -> {
            assertThat(cell.source().location()).matches("line \\d+");
            if (!cell.blank()) {
                assertThat(cell.source().text()).contains(cell.value().toPlainString());
            }
        }));
    }
}
