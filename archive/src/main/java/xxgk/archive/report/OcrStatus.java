package xxgk.archive.report;

/** Whether the text a report was parsed from came from optical character recognition. */
public enum OcrStatus {
    /** The document carried its own text. */
    NONE,
    /** The document was image-only; its text was recognised by Tesseract and may contain misreadings. */
    OCR,
    /** The document is image-only and no Tesseract with Chinese data is installed: nothing could be read. */
    NEEDS_OCR
}
