package xxgk.archive.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The texts of the five seed reports (test resources reports/*.txt), and the blank format made from one. */
final class SeedTexts {

    static final String HARBIN = "000_1c606755e92636da";
    static final String HULAN = "001_d601352be8b8720b";
    static final String SUIFENHE = "002_53e32c99ac2f321c";
    static final String YSHJ = "003_41ae5f6dd78fef43";
    static final String NANGANG = "004_15d564b43078fcdc";

    private static final Pattern COUNT_CELL = Pattern.compile("\\t\\d+(?=\\t|$)", Pattern.MULTILINE);

    private SeedTexts() {
    }

    static String text(String seed) {
        return new String(bytes("reports/" + seed + ".txt"), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = SeedTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed with every count cell of its tables emptied: the official format as a blank template. */
    static String blankFormat(String seed) {
        return COUNT_CELL.matcher(text(seed)).replaceAll("\t");
    }
}
