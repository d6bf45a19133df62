package xxgk.archive.report;

import java.util.regex.Pattern;

/**
 * How printed labels are compared: documents differ in spaces, line breaks inside cells, full- or
 * half-width brackets and digits (and OCR reads "（" as "〈"), and "1、" or "1．" for "1.".
 */
public final class Labels {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0\\u200b\\ufeff]+");
    private static final Pattern ITEM_NUMBER = Pattern.compile("^(\\d+)[、．,，]");
    /** The number a row label starts with once normalised: "2.", "(三)" or "四、". */
    private static final Pattern PRINTED_NUMBER = Pattern.compile("^(\\d+\\.|\\([一二三四五六七八九十]\\)|[一二三四五六七八九十]、)");

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
            case '（', '〈' -> '(';
            case '）', '〉' -> ')';
            case '．' -> '.';
            case '／' -> '/';
            case '－', '—', '–' -> '-';
            default -> c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c;
        };
    }

    /** The number a normalised label starts with ("2.", "(三)", "四、"), or "" when it starts with none. */
    public static String printedNumber(String label) {
        var m = PRINTED_NUMBER.matcher(label);
        return m.find() ? m.group(1) : "";
    }

    /**
     * How many characters of {@code printed} appear in {@code label} in the same order (their longest common
     * subsequence): a text layer that lost or swapped characters still shares most of them with the label.
     */
    public static int sharedInOrder(String printed, String label) {
        int[] previous = new int[label.length() + 1];
        for (int i = 1; i <= printed.length(); i++) {
            int[] current = new int[label.length() + 1];
            for (int j = 1; j <= label.length(); j++) {
                current[j] = printed.charAt(i - 1) == label.charAt(j - 1) ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            previous = current;
        }
        return previous[label.length()];
    }
}
