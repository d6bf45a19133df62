package xxgk.archive.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HtmlCharsetTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String TITLE = "呼兰区2023年政府信息公开工作年度报告";

    @Test
    void gbkPageWithCharsetOnlyInMeta() {
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>" + TITLE
                + "</title></head></html>").getBytes(GBK);
        assertThat(HtmlCharset.decode(page, "text/html")).contains(TITLE);
    }

    @Test
    void gbkPageWithNoDeclarationAtAll() {
        byte[] page = ("<html><title>" + TITLE + "</title></html>").getBytes(GBK);
        assertThat(HtmlCharset.detect(page, null)).isEqualTo(Charset.forName("GB18030"));
        assertThat(HtmlCharset.decode(page, null)).contains(TITLE);
    }

    @Test
    void gbkBytesUnderAWrongUtf8Header() {
        byte[] page = ("<html><title>" + TITLE + "</title></html>").getBytes(GBK);
        assertThat(HtmlCharset.decode(page, "text/html; charset=UTF-8")).contains(TITLE);
    }

    @Test
    void utf8PageMislabelledAsGb2312() {
        byte[] page = ("<meta charset=gb2312><title>" + TITLE + "</title>").getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.decode(page, null)).contains(TITLE);
    }

    @Test
    void gb2312DeclarationDecodesGbkOnlyCharacters() {
        String text = "<meta charset=\"gb2312\"><p>镕</p>"; // 镕 is in GBK, not in GB2312
        assertThat(HtmlCharset.decode(text.getBytes(GBK), null)).contains("镕");
    }
}
