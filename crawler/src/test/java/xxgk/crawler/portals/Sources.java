package xxgk.crawler.portals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the fixture reports' contents come from: the real documents of the sample portal ({@code sample-portal/…}),
 * the documents rendered from the seeds ({@code reports/generated/…}) and the seed texts ({@code reports/<seed>.txt}),
 * all on the test class path.
 */
final class Sources {

    static final String HARBIN_2021 = "000_1c606755e92636da";
    static final String HULAN_2023 = "001_d601352be8b8720b";
    static final String SUIFENHE_2021 = "002_53e32c99ac2f321c";
    static final String BUSINESS_BUREAU_2019 = "003_41ae5f6dd78fef43";

    private static final Pattern YEAR = Pattern.compile("20\\d\\d");

    private Sources() {}

    /** The bytes of a class path resource. */
    static byte[] bytes(String resource) {
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A seed report's text made into another year's or another body's report: every year moved by yearShift (the
     * reported year, the publication year and the years compared with alike), then the names replaced.
     */
    static String seedText(String seed, int yearShift, Map<String, String> names) {
        String text = new String(bytes("reports/" + seed + ".txt"), StandardCharsets.UTF_8);
        Matcher m = YEAR.matcher(text);
        StringBuilder shifted = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(shifted, String.valueOf(Integer.parseInt(m.group()) + yearShift));
        }
        m.appendTail(shifted);
        String result = shifted.toString();
        for (Map.Entry<String, String> name : names.entrySet()) {
            result = result.replace(name.getKey(), name.getValue());
        }
        return result;
    }
}
