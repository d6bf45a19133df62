package xxgk.archive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The portal phrasings of the seed reports, each as its report prints it. */
class PortalMentionsTest {

    @Test
    void nameAddressAndPath() {
        assertThat(PortalMentions.in(SeedTexts.text(SeedTexts.HARBIN))).containsExactly(new PortalMention("“中国·哈尔滨”市政府门户网",
                Optional.of("http://www.harbin.gov.cn"), List.of("政府信息公开目录", "政府信息公开年报", "市本级政府信息公开年报专栏")));
    }

    @Test
    void pathWithArrowsThenTheColumnsAddress() {
        assertThat(PortalMentions.in(SeedTexts.text(SeedTexts.HULAN))).containsExactly(new PortalMention("哈尔滨市人民政府门户网站",
                Optional.of("http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml"),
                List.of("政务公开", "政府信息公开年报专栏", "区、县（市）政府信息公开年度报告")));
    }

    @Test
    void pathWithoutAddress() {
        assertThat(PortalMentions.in(SeedTexts.text(SeedTexts.YSHJ))).containsExactly(new PortalMention("“中国哈尔滨”政府门户网",
                Optional.empty(), List.of("政府信息公开目录", "政府信息公开年报专栏")));
    }

    @Test
    void addressInAngleBracketsWithoutPath() {
        assertThat(PortalMentions.in(SeedTexts.text(SeedTexts.NANGANG))).containsExactly(new PortalMention("南岗区人民政府网站",
                Optional.of("http://ngqxxgk.harbin.gov.cn/col/col126585/index.html"), List.of()));
    }

    @Test
    void portalsMentionedInPassingAreNotMentions() {
        // "政府门户网站支持互联网协议第六版", "绥芬河市现有政府网站 3 家": no address, no path.
        assertThat(PortalMentions.in(SeedTexts.text(SeedTexts.SUIFENHE))).isEmpty();
    }

    @Test
    void aUrlWithoutSchemeAndALineBreakInsideThePhrase() {
        assertThat(PortalMentions.in("本报告电子版可在绥芬河市人民政府门户网站（www.suifenhe.gov.cn）\n—政务公开—政府信息公开年报\n栏目查阅。"))
                .containsExactly(new PortalMention("绥芬河市人民政府门户网站", Optional.of("www.suifenhe.gov.cn"),
                        List.of("政务公开", "政府信息公开年报")));
    }
}
