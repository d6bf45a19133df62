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

    /** A real page's worth of UTF-8 text with one stray byte (a cut character, a bad copy) in its middle. */
    private static byte[] utf8PageWithOneBadByte(String head) {
        String body = ("<p>根据《中华人民共和国政府信息公开条例》规定，现公布" + TITLE + "。本报告由总体情况、主动公开政府信息情况、"
                + "收到和处理政府信息公开申请情况等部分组成。</p>\n").repeat(40);
        byte[] before = (head + "<title>" + TITLE + "</title>" + body).getBytes(StandardCharsets.UTF_8);
        byte[] after = ("<a href=\"/nb/2023.html\">" + TITLE + "</a>" + body).getBytes(StandardCharsets.UTF_8);
        byte[] page = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, page, 0, before.length);
        page[before.length] = (byte) 0xE5; // the first byte of a three-byte character, alone
        System.arraycopy(after, 0, page, before.length + 1, after.length);
        return page;
    }

    @Test
    void oneInvalidByteDoesNotTurnAnUndeclaredUtf8PageIntoGb18030() {
        byte[] page = utf8PageWithOneBadByte("<html><head></head>");
        assertThat(HtmlCharset.detect(page, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.decode(page, null)).contains("<a href=\"/nb/2023.html\">" + TITLE + "</a>");
    }

    @Test
    void oneInvalidByteDoesNotOverruleAUtf8Declaration() {
        byte[] page = utf8PageWithOneBadByte("<html><head><meta charset=\"utf-8\"></head>");
        assertThat(HtmlCharset.decode(page, "text/html; charset=utf-8")).contains(TITLE);
    }

    @Test
    void gbkPageWithOneInvalidByteIsStillGb18030() {
        byte[] text = ("<html><title>" + TITLE + "</title><p>" + "主动公开政府信息情况".repeat(50) + "</p>").getBytes(GBK);
        byte[] page = java.util.Arrays.copyOf(text, text.length + 1);
        page[text.length] = (byte) 0xFF;
        assertThat(HtmlCharset.detect(page, null)).isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void emptyAndAsciiBodiesAreUtf8() {
        assertThat(HtmlCharset.detect(new byte[0], null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.detect("<html></html>".getBytes(StandardCharsets.US_ASCII), "text/html; charset=gbk")).isEqualTo(Charset.forName("GB18030"));
    }
}
