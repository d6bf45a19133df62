package xxgk.archive.report;

/**
 * The few figures every annual report gives in some form, whatever its format: requests received, disclosed,
 * partly disclosed, refused and not held, and the administrative reviews and lawsuits about disclosure. Reports
 * before 2019 print them in prose or a free-form 统计表; the unified formats in tables 三 and 四. Mapped to one set,
 * an agency's series reaches back before 2019. The ids are a contract with scripts.
 */
public enum CommonFigure {
    APPLICATIONS_RECEIVED("applications_received"),
    DISCLOSED("disclosed"),
    PARTLY_DISCLOSED("partly_disclosed"),
    REFUSED("refused"),
    NOT_HELD("not_held"),
    ADMINISTRATIVE_REVIEWS("administrative_reviews"),
    LAWSUITS("lawsuits");

    private final String id;

    CommonFigure(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** One figure's value and where it was read: a table cell, or the sentence that states it. */
    public record Value(long value, Source source) {
    }
}
