package xxgk.archive.report;

/**
 * The unified format an annual report follows, as fixed by the General Office of the State Council.
 * The id is what scripts and exports see.
 */
public enum ReportFormat {
    /** 国办公开办函〔2021〕30号: report years 2021 onward; table 三 with （六）其他处理 split in three. */
    FMT2021("fmt2021"),
    /** 国办公开办函〔2019〕60号 (试行): report years 2019 and 2020. */
    FMT2019("fmt2019"),
    /** Up to 2018: free form, often a 统计表 with 指标名称/计量单位/本年度/历年累计. */
    PRE2019("pre2019");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The format the regulation prescribes for a report year, before looking at the document. */
    public static ReportFormat prescribedFor(int reportYear) {
        if (reportYear >= 2021) {
            return FMT2021;
        }
        return reportYear >= 2019 ? FMT2019 : PRE2019;
    }

    @Override
    public String toString() {
        return id;
    }
}
