package xxgk.crawler.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import xxgk.archive.store.Exchange;
import xxgk.archive.store.HttpHeader;

/**
 * Notes the request as it goes on the wire — headers OkHttp adds included — and the address it went to, into the
 * {@link Note} tagged on the call: what a WARC request record holds. A network interceptor, so it sees the last
 * attempt of a retried request.
 */
final class WireTap implements Interceptor {

    /** Where one call's wire view is left for the fetcher. */
    static final class Note {
        private Request sent;
        private InetAddress remote;

        Exchange exchange(Response response) {
            Request request = sent != null ? sent : response.request();
            List<HttpHeader> headers = new ArrayList<>();
            request.headers().forEach(h -> headers.add(new HttpHeader(h.getFirst(), h.getSecond())));
            String target = request.url().encodedPath() + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
            return new Exchange(target, response.protocol().toString(), headers,
                    Optional.ofNullable(remote).map(InetAddress::getHostAddress));
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Note note = chain.request().tag(Note.class);
        if (note != null) {
            note.sent = chain.request();
            note.remote = chain.connection() == null ? null : chain.connection().socket().getInetAddress();
        }
        return chain.proceed(chain.request());
    }
}
