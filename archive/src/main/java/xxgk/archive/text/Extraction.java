package xxgk.archive.text;

import java.util.Optional;

/**
 * The text extracted from one original, and how that went.
 *
 * @param mediaType the type detected from the bytes (not the server's claim)
 * @param charset   the charset the text was decoded with, for text formats
 * @param text      the text; empty when none could be extracted
 * @param status    how extraction ended; anything but OK is a flag on the original, which stays archived
 * @param problem   what went wrong, for FAILED, TIMEOUT, TRUNCATED and BOMB
 * @param extractor the extracting software and version, so that texts can be redone after an upgrade
 */
public record Extraction(String mediaType, Optional<String> charset, String text, Status status, Optional<String> problem,
                         String extractor) {

    public enum Status {
        /** Text extracted. */
        OK,
        /** The document parsed but holds no text (often a scan that needs OCR). */
        EMPTY,
        /** Text longer than the limit; the beginning is kept. */
        TRUNCATED,
        /** The document is broken, encrypted or hostile; see problem. */
        FAILED,
        /** Extraction took too long and was abandoned. */
        TIMEOUT,
        /** The document expands past the decompression limits (a ZIP bomb); the text read until then is kept. */
        BOMB
    }
}
