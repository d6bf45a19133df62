package xxgk.crawler.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import xxgk.archive.DiskSpace;
import xxgk.config.Site;
import xxgk.crawler.fetch.Fetched;
import xxgk.crawler.fetch.HostPoliteness;
import xxgk.crawler.fetch.HttpFetcher;
import xxgk.crawler.fetch.Validators;
import xxgk.crawler.fetch.WalledHostException;

/**
 * robots.txt as RFC 9309 reads it, for every URL including seeds: Disallow is obeyed, Crawl-delay raises the
 * host's delay (from the robots.txt request on), a missing file (4xx) means no rules, and a server error or an
 * unreachable server disallows all for this crawl. robots.txt itself is archived like any other capture, as evidence
 * of what the site asked; a redirect out of the site's scope is not followed.
 *
 * <p>Each origin's robots.txt is fetched when its first URL is about to be fetched, by the worker fetching it, or
 * ahead of its seeds, by a few threads of its own, so that the workers do not wait out each host's delay between its
 * robots.txt and its first page: a host that is slow or dead holds up its own URLs, not the other sites' work.
 */
final class RobotsPolicy extends RobotstxtServer {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);
    static final String AGENT = "xxgk";
    private static final long MAX_ROBOTS_SIZE = 512 * 1024;
    /** RFC 9309 2.3.1.2: at least five consecutive redirects are followed. */
    private static final int MAX_REDIRECTS = 5;
    /** Threads fetching robots.txt ahead of seeds: a request each, a few hundred a second on loopback. */
    private static final int AHEAD = 16;

    private final HttpFetcher http;
    private final HostPoliteness politeness;
    private final SiteResolver sites;
    private final CaptureRecorder recorder;
    private final ArchiveFailures failures;
    private final CrawlProgress progress;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, FutureTask<BaseRobotRules>> rulesByOrigin = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor ahead = new ThreadPoolExecutor(AHEAD, AHEAD, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "robots-ahead");
        t.setDaemon(true);
        return t;
    });

    RobotsPolicy(WebURLFactory factory, HttpFetcher http, HostPoliteness politeness, SiteResolver sites,
                 CaptureRecorder recorder, ArchiveFailures failures, CrawlProgress progress) {
        super(new RobotstxtConfig(), null, factory); // crawler4j's own robots.txt fetching is never used
        this.http = http;
        this.politeness = politeness;
        this.sites = sites;
        this.recorder = recorder;
        this.failures = failures;
        this.progress = progress;
        ahead.allowCoreThreadTimeOut(true);
    }

    /**
     * Asked by crawler4j when a URL is scheduled: a URL of no site is refused; one whose origin's rules are known
     * is judged now, so that a disallowed link takes no room in the frontier; the others are judged by
     * {@link #permits} just before they are fetched.
     */
    @Override
    public boolean allows(WebURL webUrl, boolean isSeed) {
        String url = webUrl.getURL();
        Optional<Site> site = sites.siteOf(url, webUrl.getParentUrl());
        if (site.isEmpty()) {
            return false;
        }
        FutureTask<BaseRobotRules> known = rulesByOrigin.get(origin(URI.create(url)));
        if (known == null || !known.isDone()) {
            return true;
        }
        return judge(url, site.get(), result(known));
    }

    /**
     * Fetches the robots.txt of a seed's origin, unless it is known or under way, on a thread of its own; then runs
     * done, whatever came of it (a worker asking {@link #permits} then meets the same outcome).
     */
    void fetchAhead(String seed, Runnable done) {
        Optional<Site> site = sites.siteOf(seed, null);
        if (site.isEmpty()) {
            done.run();
            return;
        }
        ahead.execute(() -> {
            try {
                rules(seed, site.get());
            } catch (IOException | RuntimeException e) {
                LOG.debug("robots.txt for {} not fetched ahead", seed, e);
            } finally {
                done.run();
            }
        });
    }

    /** Whether url may be fetched now; fetches its origin's robots.txt first if no worker has yet. */
    boolean permits(String url, Site site) throws InterruptedIOException {
        return judge(url, site, rules(url, site));
    }

    /** The rules of url's origin; fetched now if no thread has yet, else as that fetch finds them. */
    private BaseRobotRules rules(String url, Site site) throws InterruptedIOException {
        URI uri = URI.create(url);
        FutureTask<BaseRobotRules> task = new FutureTask<>(() -> fetchRules(origin(uri), uri.getHost(), site));
        FutureTask<BaseRobotRules> known = rulesByOrigin.putIfAbsent(origin(uri), task);
        if (known == null) {
            task.run();
            known = task;
        }
        try {
            return known.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the robots.txt of " + origin(uri));
        } catch (ExecutionException e) {
            throw new IllegalStateException("robots.txt of " + origin(uri), e.getCause());
        }
    }

    private boolean judge(String url, Site site, BaseRobotRules rules) {
        boolean allowed = rules.isAllowed(url);
        if (!allowed) {
            progress.skipped(site.id(), url, "disallowed by robots.txt");
        }
        return allowed;
    }

    private static BaseRobotRules result(FutureTask<BaseRobotRules> done) {
        try {
            return done.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("robots.txt rules asked before they were known", e);
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private BaseRobotRules fetchRules(String origin, String host, Site site) {
        String robotsUrl = origin + "/robots.txt";
        BaseRobotRules rules;
        try {
            rules = fetchFollowingRedirects(robotsUrl, site, MAX_REDIRECTS);
        } catch (DiskSpace.FullException e) {
            failures.failed(site.id(), robotsUrl, e); // which stops the crawl
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
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
            CaptureRecorder.RobotsTxt kept = null;
            try {
                kept = recorder.keepRobotsTxt(fetched, site, previous);
            } catch (IOException | RuntimeException e) {
                failures.failed(site.id(), url, e); // its rules still apply
            }
            int status = kept != null ? kept.content().status() : fetched.status();
            if (fetched.redirect()) {
                String target = fetched.location().orElseThrow();
                if (!site.inScope(URI.create(target))) {
                    progress.note(site.id(), url, "robots.txt redirects outside the site's scope, to " + target
                            + ": not followed, so no rules apply");
                    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
                }
                if (redirectsLeft == 0) {
                    progress.note(site.id(), url, "robots.txt redirects more than " + MAX_REDIRECTS + " times: no rules apply");
                    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
                }
                return fetchFollowingRedirects(target, site, redirectsLeft - 1);
            }
            if (status / 100 == 2) {
                byte[] rules = kept != null ? kept.bytes() : Files.readAllBytes(fetched.body());
                return parser.parseContent(url, rules, "text/plain", AGENT);
            }
            if (status >= 500 || status == 429) {
                progress.note(site.id(), url, "robots.txt answered " + status + ": nothing fetched from this host");
                return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            }
            return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        }
    }
}
