package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PDF and DOC versions of the known reports, as LibreOffice lays them out (see {@link GeneratedFixtures}), parse
 * to the known values: the PDF from glyph positions with cells wrapping over lines and table 三 crossing a page,
 * the DOC through Tika's XHTML tables.
 */
class ConvertedDocumentsTest {

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    static Stream<String> fixtures() {
        return GeneratedFixtures.reports().keySet().stream();
    }

    static ParsedReport parseFixture(ReportParser parser, String fileName) throws IOException {
        try (InputStream in = ConvertedDocumentsTest.class.getResourceAsStream("/reports/generated/" + fileName)) {
            return parser.parse(in.readAllBytes(), fileName);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pdfParsesToTheKnownValues(String stem) throws IOException {
        ParsedReport parsed = parseFixture(parser, stem + ".pdf");

        assertThat(GeneratedFixtures.reports().get(stem).differences(parsed)).isEmpty();
        assertThat(parsed.notes().get(0)).startsWith("read by pdf-positional");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void docParsesToTheKnownValues(String stem) throws IOException {
        ParsedReport parsed = parseFixture(parser, stem + ".doc");

        assertThat(GeneratedFixtures.reports().get(stem).differences(parsed)).isEmpty();
    }
}
