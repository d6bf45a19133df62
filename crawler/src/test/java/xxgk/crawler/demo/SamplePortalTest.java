package xxgk.crawler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Speaks raw HTTP/1.1 to the sample portal, so that header bytes arrive exactly as sent. */
class SamplePortalTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private SamplePortal portal;

    @BeforeEach
    void start() throws IOException {
        portal = SamplePortal.start();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void everyHostHasAHomePageAndRobotsTxt() throws IOException {
        assertThat(portal.hosts()).containsExactly(
                "www.harbin.gov.cn", "www.hulan.gov.cn", "www.suifenhe.gov.cn", "ngqxxgk.harbin.gov.cn");
        for (String host : portal.hosts()) {
            assertThat(get(host, "/").status).as(host).isEqualTo(200);
            assertThat(get(host, "/robots.txt").text()).as(host).startsWith("User-agent: *");
        }
        assertThat(get("www.harbin.gov.cn", "/robots.txt").text()).contains("Disallow: /zwgk/preview/");
        assertThat(get("www.hulan.gov.cn", "/robots.txt").text()).contains("Crawl-delay: 1");
    }

    @Test
    void homePageLinksToTheDistrictSitesOnThePortalsPort() throws IOException {
        String home = get("www.harbin.gov.cn", "/").text();
        assertThat(home)
                .contains("<meta name=\"SiteName\" content=\"哈尔滨市人民政府\">")
                .contains("网站标识码")
                .contains("href=\"" + portal.url("www.hulan.gov.cn", "/") + "\"")
                .contains("href=\"" + portal.url("ngqxxgk.harbin.gov.cn", "/") + "\"");
    }

    @Test
    void gbkPageDeclaresItsCharsetOnlyInMeta() throws IOException {
        Response list = get("www.hulan.gov.cn", "/hebhlq/2023/zfxxgklby_zc.shtml");
        assertThat(list.header("Content-Type")).isEqualTo("text/html");
        String page = new String(list.body, GB18030);
        assertThat(page).contains("charset=gbk").contains("<title>政府信息公开年报_哈尔滨市呼兰区人民政府</title>");
        assertThat(new String(get("www.hulan.gov.cn", "/hebhlq/c106450/202401/c01_187532.shtml").body, GB18030))
                .contains("<meta name=\"ArticleTitle\" content=\"呼兰区2023年政府信息公开工作年度报告\">");
    }

    @Test
    void downloadServletNamesTheFileInRawGbk() throws IOException {
        Response pdf = get("www.suifenhe.gov.cn", "/module/download/downfile.jsp?classid=0&filename=2201201530452389.pdf");
        assertThat(pdf.status).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/octet-stream");
        // the JDK server spells header names its own way ("Content-disposition"); the value is what counts
        byte[] expected = ": attachment; filename=\"绥芬河市人民政府2021年政府信息公开工作年度报告.pdf\"\r\n"
                .getBytes(Charset.forName("GBK"));
        assertThat(indexOf(pdf.head, expected)).isNotNegative();
        assertThat(new String(pdf.body, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(get("www.suifenhe.gov.cn", "/module/download/downfile.jsp?classid=0&filename=9.pdf").status)
                .isEqualTo(404);
    }

    @Test
    void aPdfIsTypedAsOctetStream() throws IOException {
        Response pdf = get("www.harbin.gov.cn", "/zwgk/zfxxgknb/sbj/202203/P020220330604338716552.pdf");
        assertThat(pdf.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(new String(pdf.body, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void transientErrorThenSuccess() throws IOException {
        String path = "/zwgk/zfxxgknb/szfbm/index.html";
        assertThat(get("www.harbin.gov.cn", path).status).isEqualTo(503);
        Response second = get("www.harbin.gov.cn", path);
        assertThat(second.status).isEqualTo(200);
        assertThat(second.text()).contains("哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告");
    }

    @Test
    void redirectAndNotFound() throws IOException {
        Response redirect = get("www.harbin.gov.cn", "/zwgk/");
        assertThat(redirect.status).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("/zwgk/index.html");
        assertThat(get("www.harbin.gov.cn", "/zwgk/index.html").text()).contains("/zwgk/xxgkzn/index.html");
        assertThat(get("www.harbin.gov.cn", "/zwgk/xxgkzn/index.html").status).isEqualTo(404);
        assertThat(get("www.example.com", "/").status).isEqualTo(404);
    }

    @Test
    void servedKeepsEvery200ByAbsoluteUrl() throws IOException {
        Response home = get("www.harbin.gov.cn", "/");
        get("www.harbin.gov.cn", "/zwgk/");
        get("www.harbin.gov.cn", "/nowhere.html");
        Response docx = get("ngqxxgk.harbin.gov.cn", "/attach/0/2201251015389512.docx");

        assertThat(portal.requestCount()).isEqualTo(4);
        assertThat(portal.served()).containsOnlyKeys(
                portal.home(), portal.url("ngqxxgk.harbin.gov.cn", "/attach/0/2201251015389512.docx"));
        assertThat(portal.served().get(portal.home())).isEqualTo(home.body);
        assertThat(docx.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private Response get(String host, String pathAndQuery) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), portal.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + portal.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Response.parse(socket.getInputStream());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A response as it came off the socket: status line and headers as bytes, then the body. */
    private record Response(int status, byte[] head, byte[] body) {

        static Response parse(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = Arrays.copyOf(bytes, end + 2);
            int status = Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
            return new Response(status, head, Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }

        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + name + ": (.*)$").matcher(new String(head, StandardCharsets.ISO_8859_1));
            return m.find() ? m.group(1).strip() : null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
