package xxgk.archive.report;

import java.math.BigDecimal;

/**
 * One number of a report table as printed, with its source. A cell printed blank or as "/" reads as
 * 0 and is marked {@code blank}, because the format has no way to say "not applicable".
 */
public record CellValue(BigDecimal value, Source source, boolean blank) {

    public long longValue() {
        return value.longValue();
    }

    /** Whether the value is a whole, non-negative number, as every count must be. */
    public boolean isCount() {
        return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
    }
}
