package xxgk.archive.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A portal as a report names it, telling readers where to find the report: "“中国·哈尔滨”市政府门户网
 * （http://www.harbin.gov.cn）-政府信息公开目录-政府信息公开年报-市本级政府信息公开年报专栏".
 *
 * @param portal  the portal's name as written, e.g. “中国·哈尔滨”市政府门户网
 * @param address the URL written with it (a home page or the 年报 column itself); empty when none was written
 * @param path    the link texts leading to the 年报 column, in order; empty when none was written
 */
public record PortalMention(String portal, Optional<String> address, List<String> path) {

    public PortalMention {
        path = List.copyOf(path);
    }

    /** As a report would print it: name（address）> step > step. */
    @Override
    public String toString() {
        return portal + address.map(a -> "（" + a + "）").orElse("") + (path.isEmpty() ? "" : " > " + String.join(" > ", path));
    }
}
