package xxgk.archive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed reports rendered to PDF (table 三 split across pages, a row's label continued on the next page), whose text
 * layer then lost or swapped characters of row labels and headers, as office exports do: every cell is still read,
 * each row recognised by its place in the table, and noted with the label as printed.
 */
class DamagedTextLayerTest {

    private static ReportParser parser;

    @BeforeAll
    static void createParser() {
        parser = new ReportParser();
    }

    /** The damage of the fixtures: labels that no longer hold the words rows are recognised by. */
    static DamagedTextLayer damage() {
        return new DamagedTextLayer()
                .reads("政法规", "政").reads("禁止公", "止公")   // 2.其他法律行政止公开
                .reads("国家秘", "家国秘")                       // 1.属于家国秘密
                .reads("第三方", "三方")                         // 4.保护三方合法权益
                .reads("程性信", "程信")                         // 6.属于四类过程信息
                .reads("开出版", "开版")                         // 3.要求提供公开版物
                .reads("关不掌", "关掌")                         // 1.本机关掌握相关政府信息
                .reads("予以公", "以公")                         // （一）以公开
                .reads("转下年", "转年")                         // 四、结转年度继续办理
                .reads("申请人情况", "申人情况")                  // the header
                .reads("规范性文件", "规性文件");                     // table 二: （行政）规性文件
    }

    static byte[] damaged(String stem) throws IOException {
        try (InputStream in = DamagedTextLayerTest.class.getResourceAsStream("/reports/generated/" + stem + ".pdf")) {
            return damage().applyTo(in.readAllBytes());
        }
    }

    /** Two fmt2021 seeds and the fmt2019 one. */
    static final String[] DAMAGED = {"001_d601352be8b8720b", "003_41ae5f6dd78fef43", "004_15d564b43078fcdc"};

    static Stream<String> damagedSeeds() {
        return Stream.of(DAMAGED);
    }

    @ParameterizedTest
    @MethodSource("damagedSeeds")
    void everyCellIsReadFromADamagedTextLayer(String stem) throws IOException {
        ParsedReport parsed = parser.parse(damaged(stem), stem + ".pdf");

        assertThat(ExpectedReport.resource(stem).differences(parsed)).isEmpty();
        // Table 三 runs over pages, so rows were recognised across a page break.
        assertThat(parsed.tables().table3().cell(Table3Key.NEW_REQUESTS, Applicant.TOTAL).orElseThrow().source().location())
                .isNotEqualTo(parsed.tables().table3().cell(Table3Key.TOTAL, Applicant.TOTAL).orElseThrow().source().location());
        assertThat(parsed.notes()).noneMatch(n -> n.contains("not recognised"));
        assertThat(parsed.notes()).anySatisfy(n -> assertThat(n)
                .startsWith("t3 3.3.2 recognised by its place (after 3.3.1)").contains("\"2.其他法律行政止公开\""));
        assertThat(parsed.notes()).anySatisfy(n -> assertThat(n).startsWith("t2 ")
                .contains("规性文件\""));
    }
}
