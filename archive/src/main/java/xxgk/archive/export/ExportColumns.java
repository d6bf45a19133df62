package xxgk.archive.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import xxgk.archive.report.Applicant;
import xxgk.archive.report.CommonFigure;
import xxgk.archive.report.ReportFormat;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.Table4;
import xxgk.archive.report.table.Table2Layout;

/**
 * The columns of an export, in their one documented order, with what each means in Chinese and English (the
 * codebook): the identity of the report and of the original its tables were read from, then table 二 in the order
 * the formats print its items, then table 三 row by row (each row's seven applicant columns), then table 四's
 * fifteen values. Table 二's item is named as fmt2021 names it, so an item both formats print is one column:
 * fmt2019's 规范性文件 is fmt2021's 行政规范性文件.
 */
public final class ExportColumns {

    /** One column and its meaning. */
    public record Column(String name, String zh, String en) {
    }

    static final List<Column> IDENTITY = List.of(
            new Column("id", "报告标识（站点/年度/机关散列），重新抓取不变", "report id (site/year/hash of agency), stable across crawls"),
            new Column("agency", "发布机关", "publishing agency"),
            new Column("year", "报告年度（0 表示未知）", "year the report covers (0: unknown)"),
            new Column("title", "报告标题", "report title"),
            new Column("published", "发布日期（YYYY-MM-DD，空表示未知）", "publication date (YYYY-MM-DD; empty: unknown)"),
            new Column("format", "表格格式：fmt2021（2021年版）、fmt2019（2019年版）、pre2019", "table format: fmt2021, fmt2019 or pre2019"),
            new Column("status", "勾稽关系检查结果：PASS 全部通过，FAIL 有不通过，INCOMPLETE 无不通过但有无法检查",
                    "consistency checks: PASS all pass, FAIL some fail, INCOMPLETE none fail but some could not be assessed"),
            new Column("checks_failed", "不通过的检查项（分号分隔）", "ids of failing checks, separated by ;"),
            new Column("parser_version", "解析器版本", "version of the parser that read the tables"),
            new Column("site", "站点标识（sites.yaml）", "site id (sites.yaml)"),
            new Column("url", "读取表格的原件网址", "URL of the original the tables were read from"),
            new Column("sha256", "该原件的 SHA-256（xxgk get 可取回）", "SHA-256 of that original (xxgk get returns it)"));

    /** Table 二's items in the order the formats print them. */
    private static final List<String> T2_ITEMS = List.of("规章", "行政规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制",
            "行政事业性收费", "政府集中采购");
    /** fmt2019's names for items fmt2021 renamed. */
    private static final Map<String, String> T2_RENAMED = Map.of("规范性文件", "行政规范性文件");
    private static final Map<String, String> T2_ITEM_EN = Map.of("规章", "rules", "行政规范性文件", "administrative normative documents",
            "行政许可", "administrative licensing", "其他对外管理服务事项", "other public administration services",
            "行政处罚", "administrative penalties", "行政强制", "administrative coercion", "行政事业性收费", "administrative fees",
            "政府集中采购", "centralised government procurement");

    private record Meaning(String zh, String en) {
    }

    private static final List<Meaning> DOCUMENTS_2021 = List.of(new Meaning("本年制发件数", "issued this year"),
            new Meaning("本年废止件数", "repealed this year"), new Meaning("现行有效件数", "in force"));
    private static final List<Meaning> DOCUMENTS_2019 = List.of(new Meaning("本年新制作数量", "newly made this year"),
            new Meaning("本年新公开数量", "newly published this year"), new Meaning("对外公开总数量", "published in total"));
    private static final List<Meaning> DECISIONS_2021 = List.of(new Meaning("本年处理决定数量", "decisions this year"));
    private static final List<Meaning> PROJECTS_2019 = List.of(new Meaning("上一年项目数量", "items the year before"),
            new Meaning("本年增/减", "change this year"), new Meaning("处理决定数量", "decisions"));

    /** What each value column of an item holds in each format (by position; a format without the item has none). */
    private static List<Meaning> values(String item, ReportFormat format) {
        boolean y2021 = format == ReportFormat.FMT2021;
        return switch (item) {
            case "规章", "行政规范性文件" -> y2021 ? DOCUMENTS_2021 : DOCUMENTS_2019;
            case "行政许可", "行政处罚", "行政强制" -> y2021 ? DECISIONS_2021 : PROJECTS_2019;
            case "其他对外管理服务事项" -> y2021 ? List.of() : PROJECTS_2019;
            case "行政事业性收费" -> y2021 ? List.of(new Meaning("本年收费金额（万元）", "fees collected this year (10,000 yuan)"))
                    : PROJECTS_2019.subList(0, 2);
            case "政府集中采购" -> y2021 ? List.of() : List.of(new Meaning("采购项目数量", "procurement items"),
                    new Meaning("采购总金额（万元）", "procurement total (10,000 yuan)"));
            default -> List.of();
        };
    }

    private static final List<String> T4_BLOCKS_EN = List.of("administrative reconsideration", "lawsuits without reconsideration",
            "lawsuits after reconsideration");
    private static final List<String> T4_OUTCOMES_EN = List.of("upheld", "corrected", "other outcome", "pending", "total");


    private ExportColumns() {
    }

    /** The prefix of the columns of {@link CommonFigure}s, after the tables' cells. */
    public static final String COMMON = "common_";
    private static final Map<CommonFigure, String> COMMON_ZH = Map.of(CommonFigure.APPLICATIONS_RECEIVED, "收到的政府信息公开申请数",
            CommonFigure.DISCLOSED, "予以公开", CommonFigure.PARTLY_DISCLOSED, "部分公开", CommonFigure.REFUSED, "不予公开",
            CommonFigure.NOT_HELD, "无法提供（本机关不掌握）", CommonFigure.ADMINISTRATIVE_REVIEWS, "政府信息公开行政复议",
            CommonFigure.LAWSUITS, "政府信息公开行政诉讼");
    private static final List<Column> ALL = all();

    /** Every column in the documented order: identity, then table 二, 三, 四, then the common figures. */
    public static List<Column> codebook() {
        return ALL;
    }

    /** The name a cell is exported under: a table-二 item fmt2019 names differently gets fmt2021's name. */
    static String canonical(String cell) {
        for (Map.Entry<String, String> renamed : T2_RENAMED.entrySet()) {
            String old = "t2_" + renamed.getKey() + "_";
            if (cell.startsWith(old)) {
                return "t2_" + renamed.getValue() + "_" + cell.substring(old.length());
            }
        }
        return cell;
    }

    private static List<Column> all() {
        List<Column> columns = new ArrayList<>(IDENTITY);
        for (String item : T2_ITEMS) {
            int n = Math.max(Table2Layout.columns(ReportFormat.FMT2021, item).map(List::size).orElse(0),
                    Table2Layout.columns(ReportFormat.FMT2019, item).map(List::size).orElse(0));
            for (int i = 0; i < n; i++) {
                columns.add(new Column("t2_" + item + "_" + (i + 1), "表二 " + item + " 第" + (i + 1) + "列：" + byFormat(item, i, true),
                        "table 2, " + T2_ITEM_EN.get(item) + ", value " + (i + 1) + ": " + byFormat(item, i, false)));
            }
        }
        for (Table3Key key : Table3Key.values()) {
            for (Applicant a : Applicant.values()) {
                columns.add(new Column("t3_" + key.key() + "_" + a.label(), "表三 " + key.label() + "：" + a.label(),
                        "table 3, " + words(key.name()) + ": " + words(a.name())));
            }
        }
        for (int b = 0; b < Table4.BLOCKS.size(); b++) {
            for (int o = 0; o < Table4.OUTCOMES.size(); o++) {
                int n = b * Table4.OUTCOMES.size() + o + 1;
                columns.add(new Column("t4_" + n, "表四 " + Table4.BLOCKS.get(b) + "：" + Table4.OUTCOMES.get(o),
                        "table 4, " + T4_BLOCKS_EN.get(b) + ": " + T4_OUTCOMES_EN.get(o)));
            }
        }
        for (CommonFigure figure : CommonFigure.values()) {
            columns.add(new Column(COMMON + figure.id(), "可跨格式比较（含2019年以前）：" + COMMON_ZH.get(figure),
                    "comparable across formats, before 2019 too: " + words(figure.name())));
        }
        return List.copyOf(columns);
    }

    /** "fmt2021: …; fmt2019: …" for the formats that print this value. */
    private static String byFormat(String item, int i, boolean zh) {
        List<String> parts = new ArrayList<>();
        for (ReportFormat f : List.of(ReportFormat.FMT2021, ReportFormat.FMT2019)) {
            List<Meaning> meanings = values(item, f);
            if (i < meanings.size()) {
                parts.add(f.id() + " " + (zh ? meanings.get(i).zh() : meanings.get(i).en()));
            }
        }
        return String.join("; ", parts);
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
