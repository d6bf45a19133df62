package xxgk.crawler.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tries a request again after a transient failure — a dropped connection, a timeout, 500/502/503/504 or 429 —
 * waiting longer each time (and at least what Retry-After asks, up to a minute). Unknown hosts and every other
 * status are final, anti-bot walls (412, 521) included.
 */
final class RetryInterceptor implements Interceptor {

    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    private final int attempts;
    private final Duration backoff;

    RetryInterceptor(int attempts, Duration backoff) {
        this.attempts = attempts;
        this.backoff = backoff;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (IOException e) {
                if (!again(attempt, e, chain.call().isCanceled())) {
                    throw e;
                }
                continue;
            }
            if (!TRANSIENT.contains(response.code()) || attempt >= attempts) {
                return response;
            }
            Duration wait = max(backoff.multipliedBy(1L << (attempt - 1)), retryAfter(response));
            response.close();
            pause(wait);
        }
    }

    /**
     * Whether a request that failed with e on this attempt is tried again; if so, after the backoff. Also asked by
     * {@link HttpFetcher} when a body is cut short after the response came back through here.
     */
    boolean again(int attempt, IOException e, boolean cancelled) throws InterruptedIOException {
        if (!retryable(e) || cancelled || attempt >= attempts) {
            return false;
        }
        pause(backoff.multipliedBy(1L << (attempt - 1)));
        return true;
    }

    /** A timeout or a broken connection may pass; an unknown host, an anti-bot wall or an interrupted crawl will not. */
    private static boolean retryable(IOException e) {
        if (e instanceof UnknownHostException || e instanceof WalledHostException) {
            return false;
        }
        return e instanceof SocketTimeoutException || !(e instanceof InterruptedIOException);
    }

    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value != null && value.trim().matches("\\d{1,6}")) {
            return Duration.ofSeconds(Math.min(Long.parseLong(value.trim()), MAX_RETRY_AFTER_SECONDS));
        }
        return Duration.ZERO;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void pause(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during retry backoff");
        }
    }
}
