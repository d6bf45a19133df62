package xxgk.crawler.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;

import okhttp3.Interceptor;
import okhttp3.Response;

/** Holds the host's turn from before the request until its body is closed, so no two requests to a host overlap. */
final class PolitenessInterceptor implements Interceptor {

    private final HostPoliteness politeness;

    PolitenessInterceptor(HostPoliteness politeness) {
        this.politeness = politeness;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String host = chain.request().url().host();
        HostPoliteness.Turn turn;
        try {
            turn = politeness.acquire(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + host);
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException e) {
            turn.close();
            throw e;
        }
        if (response.code() == 429 || response.code() == 503) {
            politeness.slowDown(host);
        }
        return response.newBuilder().body(new BodyEnd(response.body(), turn::close)).build();
    }
}
