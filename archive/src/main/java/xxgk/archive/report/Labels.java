package xxgk.archive.report;

import java.util.regex.Pattern;

/**
 * How printed labels are compared: documents differ in spaces, line breaks inside cells, full- or
 * half-width brackets and digits, and "1、" or "1．" for "1.".
 */
public final class Labels {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0\\u200b\\ufeff]+");
    private static final Pattern ITEM_NUMBER = Pattern.compile("^(\\d+)[、．,，]");

    private Labels() {
    }

    public static String normalise(String printed) {
        StringBuilder sb = new StringBuilder(printed.length());
        for (char c : SPACE.matcher(printed).replaceAll("").toCharArray()) {
            sb.append(halfWidth(c));
        }
        return ITEM_NUMBER.matcher(sb).replaceFirst("$1.");
    }

    private static char halfWidth(char c) {
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '．' -> '.';
            case '／' -> '/';
            case '－', '—', '–' -> '-';
            default -> c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c;
        };
    }
}
