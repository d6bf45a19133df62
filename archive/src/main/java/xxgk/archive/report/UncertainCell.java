package xxgk.archive.report;

import java.math.BigDecimal;

/**
 * A cell of a scanned report whose value is not to be trusted: Tesseract doubted its reading, or it breaks a
 * rule of the format's arithmetic that its neighbours keep. {@code cell} is its export column ({@code t3_3.1_自然人},
 * {@code t4_5}); {@code value} what was read; {@code reason} why it is doubted, with the value the sums imply
 * when they agree on one.
 */
public record UncertainCell(String cell, BigDecimal value, String reason) {
}
