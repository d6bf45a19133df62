package xxgk.archive.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rows of table 三 (收到和处理政府信息公开申请情况): their keys, the labels the format prints, and the words
 * by which a printed label is recognised. The keys are a contract with scripts and exports.
 */
public enum Table3Key {
    NEW_REQUESTS("1", "一、本年新收政府信息公开申请数量", "本年新收"),
    CARRIED_FROM_LAST_YEAR("2", "二、上年结转政府信息公开申请数量", "上年结转"),
    DISCLOSED("3.1", "（一）予以公开", "予以公开"),
    PARTLY_DISCLOSED("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
    STATE_SECRET("3.3.1", "1.属于国家秘密", "国家秘密"),
    PROHIBITED_BY_LAW("3.3.2", "2.其他法律行政法规禁止公开", "禁止公开"),
    THREE_SAFETIES("3.3.3", "3.危及“三安全一稳定”", "三安全"),
    THIRD_PARTY_RIGHTS("3.3.4", "4.保护第三方合法权益", "第三方"),
    INTERNAL_AFFAIRS("3.3.5", "5.属于三类内部事务信息", "内部事务"),
    PROCESS_INFORMATION("3.3.6", "6.属于四类过程性信息", "过程性"),
    ENFORCEMENT_FILES("3.3.7", "7.属于行政执法案卷", "执法案卷"),
    ADMINISTRATIVE_QUERY("3.3.8", "8.属于行政查询事项", "行政查询"),
    NOT_HELD("3.4.1", "1.本机关不掌握相关政府信息", "不掌握"),
    WOULD_NEED_CREATING("3.4.2", "2.没有现成信息需要另行制作", "另行制作"),
    STILL_UNCLEAR("3.4.3", "3.补正后申请内容仍不明确", "仍不明确", "补正后"),
    PETITION("3.5.1", "1.信访举报投诉类申请", "信访"),
    REPEATED("3.5.2", "2.重复申请", "重复申请"),
    PUBLICATIONS("3.5.3", "3.要求提供公开出版物", "出版物"),
    MASS_REQUESTS("3.5.4", "4.无正当理由大量反复申请", "大量反复"),
    CONFIRMATION("3.5.5", "5.要求行政机关确认或重新出具已获取信息", "重新出具", "确认或"),
    OTHER_HANDLING("3.6", "（六）其他处理"),
    NOT_SUPPLEMENTED("3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "逾期不补正", "不补正"),
    FEE_NOT_PAID("3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "收费通知", "缴纳费用"),
    OTHER("3.6.3", "3.其他"),
    TOTAL("3.7", "（七）总计"),
    CARRIED_TO_NEXT_YEAR("4", "四、结转下年度继续办理", "结转下年");

    /** The rows of an fmt2021 table 三, in printed order (25 rows). */
    public static final List<Table3Key> FMT2021_ROWS = Arrays.stream(values())
            .filter(k -> k != OTHER_HANDLING).toList();
    /** The rows of an fmt2019 table 三, where （六）其他处理 is one row (23 rows). */
    public static final List<Table3Key> FMT2019_ROWS = Arrays.stream(values())
            .filter(k -> !k.key.startsWith("3.6.")).toList();
    /** The results whose sum is （七）总计, other than those of （六）, which is printed either way. */
    public static final List<Table3Key> RESULTS_BEFORE_OTHER_HANDLING = Arrays.stream(values())
            .filter(k -> k.key.startsWith("3.") && !k.key.startsWith("3.6") && k != TOTAL).toList();
    /** The three parts of （六）其他处理 when it is split. */
    public static final List<Table3Key> OTHER_HANDLING_PARTS = List.of(NOT_SUPPLEMENTED, FEE_NOT_PAID, OTHER);

    private static final Pattern OTHER_LABEL = Pattern.compile("(3\\.)?其他");
    private static final Pattern TOTAL_LABEL = Pattern.compile("(\\(七\\))?(总计|合计)");

    private final String key;
    private final String label;
    private final List<String> words;

    Table3Key(String key, String label, String... words) {
        this.key = key;
        this.label = label;
        this.words = List.of(words);
    }

    public String key() {
        return key;
    }

    /** The label as the format prints it. */
    public String label() {
        return label;
    }

    /**
     * Recognises one printed row label, already {@linkplain Labels#normalise normalised}. {@code inOtherHandling}
     * says whether the row sits in the （六）其他处理 block, the only place where a bare "其他" is a row.
     */
    public static Optional<Table3Key> recognise(String label, boolean inOtherHandling) {
        if (label.isEmpty()) {
            return Optional.empty();
        }
        for (Table3Key k : values()) {
            if (k.words.stream().anyMatch(label::contains)) {
                return Optional.of(k);
            }
        }
        if (TOTAL_LABEL.matcher(label).matches()) {
            return Optional.of(TOTAL);
        }
        if (inOtherHandling && OTHER_LABEL.matcher(label).matches()) {
            return Optional.of(OTHER);
        }
        if (label.contains("其他处理")) {
            return Optional.of(OTHER_HANDLING);
        }
        return Optional.empty();
    }
}
