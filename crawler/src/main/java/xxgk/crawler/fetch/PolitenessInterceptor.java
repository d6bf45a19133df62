package xxgk.crawler.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

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
        return response.newBuilder().body(new TurnReleasingBody(response.body(), turn)).build();
    }

    private static final class TurnReleasingBody extends ResponseBody {
        private final ResponseBody body;
        private final BufferedSource source;

        TurnReleasingBody(ResponseBody body, HostPoliteness.Turn turn) {
            this.body = body;
            this.source = Okio.buffer(new ForwardingSource(body.source()) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        if (!closed) {
                            closed = true;
                            turn.close();
                        }
                    }
                }
            });
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
