package xxgk.crawler.fetch;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The total time one request may take, counted from when it is sent (its host's turn held) to the end of its body:
 * a server dripping a byte at a time is cut off, and URLs waiting for that host's turn meanwhile are not charged for
 * the wait. (OkHttp's call timeout starts before the wait.)
 */
final class RequestDeadline implements Interceptor, AutoCloseable {

    private final Duration limit;
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "request-deadline");
        t.setDaemon(true);
        return t;
    });
    private final Set<Call> expired = ConcurrentHashMap.newKeySet();

    RequestDeadline(Duration limit) {
        this.limit = limit;
        watchdog.setRemoveOnCancelPolicy(true);
    }

    Duration limit() {
        return limit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Call call = chain.call();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            expired.add(call);
            call.cancel();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException e) {
            alarm.cancel(false);
            throw e;
        }
        return response.newBuilder().body(new BodyEnd(response.body(), () -> alarm.cancel(false))).build();
    }

    /** True (once) when call was cancelled for running over the limit. */
    boolean expired(Call call) {
        return expired.remove(call);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
