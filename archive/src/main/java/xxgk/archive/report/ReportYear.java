package xxgk.archive.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report-year rule: the year the report covers is the year in its title ("2021年…年度报告"); when the title
 * names none, it is the publication year minus one, because reports are published early in the following year.
 */
public final class ReportYear {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    private ReportYear() {
    }

    /** The report year, or 0 when neither the title nor a publication date tells. */
    public static int of(String title, Optional<LocalDate> published) {
        OptionalInt inTitle = inTitle(title);
        if (inTitle.isPresent()) {
            return inTitle.getAsInt();
        }
        return published.map(d -> d.getYear() - 1).orElse(0);
    }

    /** The first year written in a title, as "2021年" or "2021 年". */
    public static OptionalInt inTitle(String title) {
        Matcher m = YEAR.matcher(title);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Where the title's year is written, for cutting the agency's name out of the title; -1 when none. */
    static int yearStart(String title) {
        Matcher m = YEAR.matcher(title);
        return m.find() ? m.start() : -1;
    }
}
