package xxgk.crawler.portals;

/** A document that looks like an annual report and is not one: ground truth for report recognition. */
public record Decoy(String site, String url, Kind kind) {

    public enum Kind {
        /** 预算公开 */
        BUDGET,
        /** 决算公开 */
        FINAL_ACCOUNTS,
        /** 政府信息公开指南 */
        GUIDE,
        /** the official report template with every table cell empty */
        BLANK_TEMPLATE,
        /** news about the reports, e.g. a training meeting on compiling them */
        NEWS_ABOUT_REPORTS,
        /** 法治政府建设年度报告 */
        RULE_OF_LAW_REPORT,
        /** 统计公报 */
        STATISTICS_COMMUNIQUE
    }
}
