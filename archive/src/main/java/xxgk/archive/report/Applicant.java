package xxgk.archive.report;

import java.util.List;

/**
 * The seven value columns of table 三, in the order the format prints them: the natural person, the five
 * kinds of 法人或其他组织, and the 总计 column.
 */
public enum Applicant {
    NATURAL_PERSON("自然人"),
    COMMERCIAL_ENTERPRISE("商业企业"),
    RESEARCH_INSTITUTION("科研机构"),
    PUBLIC_WELFARE_ORGANISATION("社会公益组织"),
    LEGAL_SERVICE_INSTITUTION("法律服务机构"),
    OTHER_ORGANISATION("其他"),
    TOTAL("总计");

    /** The six applicant columns whose sum is 总计. */
    public static final List<Applicant> APPLICANTS = List.of(NATURAL_PERSON, COMMERCIAL_ENTERPRISE,
            RESEARCH_INSTITUTION, PUBLIC_WELFARE_ORGANISATION, LEGAL_SERVICE_INSTITUTION, OTHER_ORGANISATION);

    private final String label;

    Applicant(String label) {
        this.label = label;
    }

    /** The column name as the format prints it; also the suffix of export columns. */
    public String label() {
        return label;
    }
}
