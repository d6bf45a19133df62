package xxgk.archive.store;

import java.util.List;
import java.util.Optional;

/**
 * The request side of one HTTP exchange, as it went over the wire: what a WARC {@code request} record and a
 * response's {@code WARC-IP-Address} are made from. The response headers are the capture's own.
 *
 * @param target        the request target as sent: path and query
 * @param protocol      the protocol spoken, e.g. {@code http/1.1}
 * @param headers       the request headers as sent, in order, validators ({@code If-None-Match}…) included
 * @param remoteAddress the IP address the connection was made to, when known
 */
public record Exchange(String target, String protocol, List<HttpHeader> headers, Optional<String> remoteAddress) {

    public Exchange {
        headers = List.copyOf(headers);
    }
}
