package xxgk.crawler.fetch;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A response body that runs an action once, when it is closed: how an interceptor holds something — a host's turn,
 * a deadline's alarm — for exactly as long as the body is being read.
 */
final class BodyEnd extends ResponseBody {

    private final ResponseBody body;
    private final BufferedSource source;

    BodyEnd(ResponseBody body, Runnable atEnd) {
        this.body = body;
        this.source = Okio.buffer(new ForwardingSource(body.source()) {
            private boolean ended;

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    if (!ended) {
                        ended = true;
                        atEnd.run();
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
