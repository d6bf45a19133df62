package xxgk.archive.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

    private final UrlNormalizer normalizer = new UrlNormalizer();

    @Test
    void dropsSessionIdsInAnyCase() {
        assertThat(normalizer.filter("http://www.harbin.gov.cn/module/download/downfile.jsp;jsessionid=8A1F0C3B9E2D4A5B6C7D8E9F0A1B2C3D?classid=0&filename=2201.pdf"))
                .isEqualTo("http://www.harbin.gov.cn/module/download/downfile.jsp?classid=0&filename=2201.pdf");
        assertThat(normalizer.filter("http://xxgk.hlj.gov.cn/xxgk/list.jsp;JSESSIONID=abc.node1"))
                .isEqualTo("http://xxgk.hlj.gov.cn/xxgk/list.jsp");
        assertThat(normalizer.filter("http://www.nangang.gov.cn/index.php?PHPSESSID=f00ba4&catid=12"))
                .isEqualTo("http://www.nangang.gov.cn/index.php?catid=12");
        assertThat(normalizer.filter("http://www.nangang.gov.cn/list.do?id=3&jsessionid=ABC"))
                .isEqualTo("http://www.nangang.gov.cn/list.do?id=3");
        assertThat(normalizer.filter("http://www.nangang.gov.cn/list.do?jsessionid=ABC"))
                .isEqualTo("http://www.nangang.gov.cn/list.do");
    }

    @Test
    void sortsTheQueryAndDropsTheFragmentButKeepsMeaningfulParameters() {
        assertThat(normalizer.filter("http://WWW.Suifenhe.gov.cn:80/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15#page2"))
                .isEqualTo("http://www.suifenhe.gov.cn/module/web/jpage/dataproxy.jsp?endrecord=30&perpage=15&startrecord=16");
        assertThat(normalizer.filter("http://www.hulan.gov.cn/hebhlq/2023/./../2023/zfxxgklby_zc.shtml?sid=7"))
                .isEqualTo("http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml?sid=7");
    }

    @Test
    void noUrlStaysNone() {
        assertThat(normalizer.filter(null)).isNull();
    }
}
