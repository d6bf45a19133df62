package xxgk.crawler.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;

import xxgk.archive.store.Capture;
import xxgk.archive.store.CaptureStore;
import xxgk.crawler.engine.CaptureRecorder.Previous;

/**
 * What the archive holds of the URLs a crawl is about to fetch — each one's latest capture and the content it stands
 * for, which a conditional request and a revisit need — looked up a batch at a time when their host announces them
 * ({@link HostSchedule}), so that a URL's turn does not wait for a round trip to an archive busy storing what was
 * fetched. A URL not announced, or forgotten, is looked up alone when it is fetched.
 *
 * <p>Bounded: what is looked up ahead is kept until its URL is fetched, and the oldest is forgotten past as many as
 * the schedule holds (URLs announced and then not fetched: a budget spent, robots.txt, a better URL come first).
 */
final class PreviousCaptures {

    /** URLs whose previous capture is kept at most, a few kB each: as many as the schedule holds ahead of their turn. */
    private static final int KEPT = HostSchedule.BUFFERED;

    private final CaptureStore captures;
    private final Map<String, Optional<Previous>> ahead = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Previous>> eldest) {
            return size() > KEPT;
        }
    };

    PreviousCaptures(CaptureStore captures) {
        this.captures = captures;
    }

    /**
     * Looks the URLs up now, in one go, for when they are fetched. An archive that does not answer now leaves them to
     * be looked up one by one then, where a failure is the fetch's to report.
     */
    void lookUp(List<String> urls) {
        List<String> unknown;
        synchronized (ahead) {
            unknown = urls.stream().filter(url -> !ahead.containsKey(url)).toList();
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, Capture> latest;
        Map<ObjectId, Capture> contents;
        try {
            latest = captures.latestOf(unknown);
            contents = captures.contentsOf(latest.values());
        } catch (MongoException e) {
            LoggerFactory.getLogger(PreviousCaptures.class).debug("previous captures not looked up ahead", e);
            return;
        }
        synchronized (ahead) {
            for (String url : unknown) {
                ahead.put(url, Optional.ofNullable(latest.get(url))
                        .flatMap(l -> Optional.ofNullable(contents.get(l.id())).map(content -> new Previous(l, content))));
            }
        }
    }

    /** The URL's previous capture, if it was archived before: as looked up ahead, else looked up now. */
    Optional<Previous> of(String url) {
        Optional<Previous> known;
        synchronized (ahead) {
            known = ahead.remove(url);
        }
        if (known != null) {
            return known;
        }
        return captures.latest(url).flatMap(latest -> captures.content(latest).map(content -> new Previous(latest, content)));
    }
}
