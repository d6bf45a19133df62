package xxgk.crawler.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
  * Gives the portal's port to links between its hosts.
  *
  * <p>The pages link across hosts with the sites' real URLs ({@code href="http://www.hulan.gov.cn/…"}),
  * but the sample portal serves every host on one loopback port, so those links must name it.
  * Only {@code href} attributes change: URLs quoted in a report's text stay as printed.
  */
final class PortLinks {

    private final List<String> hosts;
    private final int port;

    PortLinks(List<String> hosts, int port) {
        this.hosts = List.copyOf(hosts);
        this.port = port;
    }

    /** The page with its links to the portal's hosts given the port; any charset (works on bytes). */
    byte[] apply(byte[] html) {
        // ISO-8859-1 maps every byte to one char and back, so GBK or UTF-8 text passes through untouched.
        String page = new String(html, StandardCharsets.ISO_8859_1);
        for (String host : hosts) {
            page = page.replace("href=\"http://" + host + "/", "href=\"http://" + host + ":" + port + "/");
        }
        return page.getBytes(StandardCharsets.ISO_8859_1);
    }
}
