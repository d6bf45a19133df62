package xxgk.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    static final String NAME = "哈尔滨市2023年政府信息公开工作年度报告.pdf";

    private static String bytesAsLatin1(String s, Charset charset) {
        return new String(s.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    @Test
    void rfc5987FilenameWinsOverThePlainOne() {
        assertThat(ContentDisposition.filename("attachment; filename=\"nb.pdf\"; filename*=UTF-8''"
                + "%E5%93%88%E5%B0%94%E6%BB%A8%E5%B8%822023%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80"
                + "%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf")).contains(NAME);
        assertThat(ContentDisposition.filename("attachment;filename*=GBK''%C4%EA%B1%A8.pdf")).contains("年报.pdf");
    }

    @Test
    void percentEncodedUtf8OrGbk() {
        assertThat(ContentDisposition.filename("attachment; filename=\"%E5%B9%B4%E6%8A%A5+1.pdf\"")).contains("年报+1.pdf");
        assertThat(ContentDisposition.filename("attachment; filename=%C4%EA%B1%A8.doc")).contains("年报.doc");
    }

    @Test
    void rawBytesKeptAsLatin1DecodeAsUtf8ElseGb18030() {
        assertThat(ContentDisposition.filename("attachment; filename=\"" + bytesAsLatin1(NAME, Charset.forName("GBK")) + "\"")).contains(NAME);
        assertThat(ContentDisposition.filename("attachment; filename=\"" + bytesAsLatin1(NAME, StandardCharsets.UTF_8) + "\"")).contains(NAME);
    }

    @Test
    void alreadyDecodedOrPlainNamesStay() {
        assertThat(ContentDisposition.filename("attachment; filename=\"" + NAME + "\"")).contains(NAME);
        assertThat(ContentDisposition.filename("inline; filename=report-2023.pdf")).contains("report-2023.pdf");
        assertThat(ContentDisposition.filename("inline")).isEmpty();
        assertThat(ContentDisposition.filename(null)).isEmpty();
    }
}
