package xxgk.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download servlet sending its file name as raw GBK bytes, over a real socket and two requests on one
 * keep-alive connection: the bytes reach the fetched headers intact, one ISO-8859-1 char per byte.
 */
class RawHeaderBytesTest {

    static final String NAME = "绥芬河市人民政府2021年政府信息公开工作年度报告.pdf";

    @TempDir
    Path spool;

    @Test
    void rawGbkHeaderBytesSurviveOkHttp() throws Exception {
        byte[] gbk = NAME.getBytes(Charset.forName("GBK"));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread servlet = new Thread(() -> serve(server, gbk), "gbk-servlet");
            servlet.setDaemon(true);
            servlet.start();
            String base = "http://127.0.0.1:" + server.getLocalPort();
            try (HttpFetcher http = new HttpFetcher(HttpFetcher.Settings.defaults(), new HostPoliteness(h -> Duration.ZERO),
                    ResolveOverrides.none(), url -> true, spool)) {
                for (String file : List.of("1.pdf", "2.pdf")) {
                    try (Fetched f = http.fetch(base + "/module/download/downfile.jsp?classid=0&filename=" + file, "xxgk-test", 1 << 20)) {
                        String value = f.header("Content-Disposition").orElseThrow();
                        assertThat(value).doesNotContain("\uFFFD");
                        assertThat(value.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(concat(
                                "attachment; filename=\"".getBytes(StandardCharsets.US_ASCII), gbk, "\"".getBytes(StandardCharsets.US_ASCII)));
                        assertThat(f.header("X-Plain").orElseThrow()).isEqualTo("年报 " + file);
                    }
                }
            }
        }
    }

    /** Answers requests on one connection, each with the raw GBK name and a UTF-8 header beside it. */
    private static void serve(ServerSocket server, byte[] gbkName) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int i = 1; i <= 2; i++) {
                readRequest(in);
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                head.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 4\r\n"
                        + "Content-Disposition: attachment; filename=\"").getBytes(StandardCharsets.US_ASCII));
                head.write(gbkName);
                head.write("\"\r\nX-Plain: ".getBytes(StandardCharsets.US_ASCII));
                head.write(("年报 " + i + ".pdf").getBytes(StandardCharsets.UTF_8));
                head.write("\r\n\r\n%PDF".getBytes(StandardCharsets.US_ASCII));
                out.write(head.toByteArray());
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }
}
