package xxgk.crawler.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import okhttp3.Dns;

/**
 * curl's --resolve: connect to ADDRESS whenever HOST:PORT is requested, leaving the URL (and so the Host header,
 * TLS name and archived URL) untouched. Used to crawl a portal's staging copy or the bundled sample portal under
 * the real host names.
 *
 * <p>OkHttp's DNS hook sees only host names, so the port is honoured at connect time: hosts with an override
 * resolve to a placeholder, and the socket connects to the override for a matching port, else to the host's
 * real address.
 */
public final class ResolveOverrides {

    private final Map<String, InetAddress> byHostPort;

    private ResolveOverrides(Map<String, InetAddress> byHostPort) {
        this.byHostPort = Map.copyOf(byHostPort);
    }

    public static ResolveOverrides none() {
        return new ResolveOverrides(Map.of());
    }

    /** Parses HOST:PORT:ADDRESS entries; a malformed one is an IllegalArgumentException naming it. */
    public static ResolveOverrides parse(List<String> specs) {
        Map<String, InetAddress> map = new HashMap<>();
        for (String spec : specs) {
            String[] parts = spec.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("--resolve '" + spec + "' is not HOST:PORT:ADDRESS");
            }
            int port;
            try {
                port = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--resolve '" + spec + "': '" + parts[1] + "' is not a port");
            }
            String address = parts[2].replaceAll("^\\[|]$", "");
            if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new IllegalArgumentException("--resolve '" + spec + "': '" + parts[2] + "' is not an IP address");
            }
            try {
                map.put(key(parts[0], port), InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--resolve '" + spec + "': '" + parts[2] + "' is not an IP address");
            }
        }
        return new ResolveOverrides(map);
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    private boolean overridden(String host) {
        String prefix = host.toLowerCase(Locale.ROOT) + ":";
        return byHostPort.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    Dns dns() {
        return host -> {
            if (!overridden(host)) {
                return Dns.SYSTEM.lookup(host);
            }
            // A placeholder that carries the host name to connect time, where the port is known.
            return List.of(InetAddress.getByAddress(host, new byte[] {0, 0, 0, 0}));
        };
    }

    /** Where a connection to endpoint really goes: the override for its host and port, else the host's real address. */
    SocketAddress target(SocketAddress endpoint) throws UnknownHostException {
        if (!(endpoint instanceof InetSocketAddress isa) || isa.getAddress() == null) {
            return endpoint;
        }
        // The name the address was made for (the placeholder's), else its literal: getHostName() would ask DNS for the
        // name of an IP-literal URL's address at every connect (seconds each where no reverse DNS answers).
        String host = isa.getHostString();
        if (!overridden(host)) {
            return endpoint;
        }
        InetAddress to = byHostPort.get(key(host, isa.getPort()));
        if (to != null) {
            return new InetSocketAddress(to, isa.getPort());
        }
        List<InetAddress> real = new ArrayList<>(List.of(InetAddress.getAllByName(host)));
        return new InetSocketAddress(real.get(0), isa.getPort());
    }
}
