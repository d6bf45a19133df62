package xxgk.archive.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The parse of one original as stored: the report JSON and its flat cells (both JSON text) when parsing
 * succeeded, else the problem that stopped it.
 *
 * @param cellCount the number of table cells read; what makes one original of a report a better source than another
 */
public record StoredParse(String sha256, String parserVersion, Instant parsedAt, Optional<String> result,
                          Optional<String> cells, int cellCount, Optional<String> problem) {
}
