package xxgk.archive.report.document;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xxgk.archive.report.Labels;

/**
 * How the text of a table cell reads: a number (perhaps with a unit or a note in brackets, as in
 * "22（其中修订16件）" or "210.8万"), a blank meaning 0 ("", "/", "-", "无"), or text such as a label.
 */
public final class CellText {

    public enum Kind { NUMBER, BLANK, TEXT }

    /** A cell's reading; {@code number} is 0 for a blank and null for text; {@code note} keeps what was dropped. */
    public record Reading(Kind kind, BigDecimal number, String note) {

        public boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        public boolean isValue() {
            return kind != Kind.TEXT;
        }
    }

    private static final Set<String> BLANKS = Set.of("", "/", "\\", "-", "--", "无");
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?\\d+(?:\\.\\d+)?)(万元|万|元|件|条|个|项|次|人)?(?:\\((.*)\\))?");
    private static final Reading BLANK = new Reading(Kind.BLANK, BigDecimal.ZERO, null);
    private static final Reading TEXT = new Reading(Kind.TEXT, null, null);

    private CellText() {
    }

    public static Reading read(String text) {
        // Thousands separators go first, before normalising reads "1，234" as the item number "1.".
        String s = Labels.normalise(text.replace(",", "").replace("，", ""));
        if (BLANKS.contains(s)) {
            return BLANK;
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return TEXT;
        }
        String note = m.group(2) != null ? "unit " + m.group(2) : null;
        if (m.group(3) != null) {
            note = (note == null ? "" : note + "; ") + "note " + m.group(3);
        }
        return new Reading(Kind.NUMBER, new BigDecimal(m.group(1)), note);
    }
}
