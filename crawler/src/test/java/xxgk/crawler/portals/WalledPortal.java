package xxgk.crawler.portals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import xxgk.config.Site;
import xxgk.crawler.portals.ExpectedReport.Reach;

/**
 * 齐齐哈尔市人民政府 behind an anti-bot wall (瑞数): every request, robots.txt included, answers HTTP 412 with an
 * inline {@code $_ts} script that a browser would run to earn a cookie. Its report exists but no polite crawler gets
 * it: the ground truth calls it blocked, not missing.
 */
final class WalledPortal implements Portal {

    static final String HOST = "www.qqhr.gov.cn";
    static final String SITE = "qiqihar";
    private static final String NAME = "齐齐哈尔市人民政府";

    private final Content content;

    WalledPortal(String base) {
        content = new Content(SITE, base);
        String report = "/zwgk/zfxxgknb/202401/t20240118_352101.html";
        content.report(NAME, 2023, NAME + "2023年政府信息公开工作年度报告", report, List.of(report), List.of(), Reach.BLOCKED);
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public Site site(Duration delay) {
        return FixturePortals.site(SITE, NAME, content.url("/"), HOST, delay, List.of());
    }

    @Override
    public Content content() {
        return content;
    }

    @Override
    public Answer answer(Request request) {
        String page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                + "<meta id=\"9DhefwqGPrzGxEp9hPaoag\" content=\"rEKz7wqZ3LJj1S1bVgZ8bA\">"
                + "<script type=\"text/javascript\">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=51029;$_ts.cd=\"qEhrrpA1"
                + "lAqlr1VmcaGmEqa0kqG1qGlqErAmlqqrlGqlqG0lqG\";if($_ts.lcd)$_ts.lcd();</script>"
                + "<script type=\"text/javascript\" charset=\"utf-8\" src=\"/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js\" r=\"m\"></script>"
                + "</head><body></body></html>";
        return new Answer(412, Map.of("Content-Type", "text/html; charset=utf-8", "Set-Cookie", "FSSBBIl1UgzbN7N80S=abc; Path=/"),
                page.getBytes(StandardCharsets.UTF_8), 0);
    }
}
