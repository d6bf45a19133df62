package xxgk.archive.report;

/**
 * The outcome of one hard consistency rule (勾稽关系) for one report. {@code expected} and {@code actual} name the
 * cells and numbers involved, so that a reader can see the arithmetic without the document.
 */
public record Check(String id, Status status, String expected, String actual) {

    public enum Status {
        PASS,
        FAIL,
        /** The rows or table the rule needs are not in the document. */
        NOT_ASSESSABLE
    }
}
