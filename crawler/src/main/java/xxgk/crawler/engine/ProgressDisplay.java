package xxgk.crawler.engine;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Where a running crawl shows how it goes: given the progress line about once a second, it shows what suits its reader. */
public interface ProgressDisplay {

    /** The line as it is now. */
    void show(String line);

    /** The crawl is over: what follows is printed on a clean line. */
    void done();

    /** How often at most a line is printed where nobody watches it live: a log, cron mail. */
    Duration UNWATCHED = Duration.ofSeconds(30);

    /** Nothing (--quiet). */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void show(String line) {
        }

        @Override
        public void done() {
        }
    };

    /**
     * A line at most every period, for logs and cron mail, where a line redrawn in place would be a wall of lines; the
     * first one at once, so that a log shows the crawl under way.
     */
    static ProgressDisplay lines(PrintStream out, Duration period, Clock clock) {
        return new ProgressDisplay() {
            private Instant next = clock.instant();

            @Override
            public synchronized void show(String line) {
                Instant now = clock.instant();
                if (!now.isBefore(next)) {
                    out.println("  " + line);
                    next = now.plus(period);
                }
            }

            @Override
            public void done() {
            }
        };
    }
}
