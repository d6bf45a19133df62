package xxgk.crawler.engine;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import xxgk.archive.store.Capture;
import xxgk.config.Site;
import xxgk.crawler.fetch.Fetched;
import xxgk.crawler.fetch.HostPoliteness;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.Validators;
import xxgk.crawler.fetch.WalledHostException;

/**
 * robots.txt as RFC 9309 reads it, for every URL including seeds: Disallow is obeyed, Crawl-delay raises the
 * host's delay, a missing file (4xx) allows all, and a server error or an unreachable server disallows all for
 * this crawl. robots.txt itself is archived like any other capture, as evidence of what the site asked.
 */
final class RobotsPolicy extends RobotstxtServer {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);
    static final String AGENT = "xxgk";
    private static final long MAX_ROBOTS_SIZE = 512 * 1024;

    private final HttpFetcher http;
    private final HostPoliteness politeness;
    private final SiteResolver sites;
    private final CaptureRecorder recorder;
    private final CrawlProgress progress;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> rulesByOrigin = new ConcurrentHashMap<>();

    RobotsPolicy(PageFetcher unused, WebURLFactory factory, HttpFetcher http, HostPoliteness politeness, SiteResolver sites,
                 CaptureRecorder recorder, CrawlProgress progress) {
        super(new RobotstxtConfig(), unused, factory);
        this.http = http;
        this.politeness = politeness;
        this.sites = sites;
        this.recorder = recorder;
        this.progress = progress;
    }

    @Override
    public boolean allows(WebURL webUrl, boolean isSeed) {
        String url = webUrl.getURL();
        Optional<Site> site = sites.siteOf(url, webUrl.getParentUrl());
        if (site.isEmpty()) {
            return false;
        }
        URI uri = URI.create(url);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        BaseRobotRules rules = rulesByOrigin.computeIfAbsent(origin, o -> fetchRules(o, uri.getHost(), site.get()));
        boolean allowed = rules.isAllowed(url);
        if (!allowed) {
            progress.skipped(site.get().id(), url, "disallowed by robots.txt");
        }
        return allowed;
    }

    private BaseRobotRules fetchRules(String origin, String host, Site site) {
        String robotsUrl = origin + "/robots.txt";
        BaseRobotRules rules;
        try {
            rules = fetchFollowingRedirects(robotsUrl, site, 3);
        } catch (WalledHostException e) {
            // Nothing is requested from a walled host: its URLs reach the fetcher only to be counted as blocked.
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        } catch (IOException e) {
            LOG.debug("robots.txt of {} unreachable", origin, e);
            progress.note(site.id(), robotsUrl, "robots.txt unreachable (" + e.getMessage() + "): nothing fetched from " + origin);
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        }
        if (rules.getCrawlDelay() > 0) {
            politeness.honourCrawlDelay(host, Duration.ofMillis(rules.getCrawlDelay()));
        }
        return rules;
    }

    private BaseRobotRules fetchFollowingRedirects(String url, Site site, int redirectsLeft) throws IOException {
        Optional<CaptureRecorder.Previous> previous = recorder.previous(url);
        try (Fetched fetched = http.fetch(url, site.userAgent(), MAX_ROBOTS_SIZE,
                previous.map(CaptureRecorder.Previous::validators).orElse(Validators.NONE))) {
            Capture content = recorder.record(fetched, site, null, null, previous);
            int status = content.status();
            if (fetched.redirect() && redirectsLeft > 0) {
                return fetchFollowingRedirects(fetched.location().orElseThrow(), site, redirectsLeft - 1);
            }
            if (status / 100 == 2) {
                return parser.parseContent(url, recorder.body(fetched, content), "text/plain", AGENT);
            }
            if (status >= 500 || status == 429) {
                progress.note(site.id(), url, "robots.txt answered " + status + ": nothing fetched from this host");
                return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            }
            return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        }
    }
}
