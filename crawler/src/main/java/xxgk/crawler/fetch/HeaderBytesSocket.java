package xxgk.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

/**
 * A plain HTTP/1.1 connection that remembers the bytes of the last response header block it read: the status
 * line and headers after each request, up to the blank line. OkHttp decodes header bytes as UTF-8, so a raw GBK
 * file name in Content-Disposition reaches it damaged; these bytes let {@link RawHeaderValues} restore it.
 * Under TLS the bytes are ciphertext, so a connection whose first byte is a TLS record keeps nothing. It also
 * connects where {@link ResolveOverrides} says.
 */
final class HeaderBytesSocket extends Socket {

    /** A header block longer than this is not kept (OkHttp refuses those beyond 256 KB anyway). */
    private static final int MAX_BLOCK = 64 * 1024;
    /** The first byte of a TLS handshake record: what a client sends first on an https connection. */
    private static final int TLS_HANDSHAKE = 0x16;

    private final ResolveOverrides overrides;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private boolean reading;
    private int lineLength;
    private boolean sawLine;
    private byte[] lastBlock = new byte[0];
    private boolean firstByteSent;
    private boolean tls;
    private InputStream input;
    private OutputStream output;

    HeaderBytesSocket(ResolveOverrides overrides) {
        this.overrides = overrides;
    }

    /** OkHttp's socket factory: every plain connection is one of these. */
    static SocketFactory factory(ResolveOverrides overrides) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new HeaderBytesSocket(overrides);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                Socket s = createSocket();
                s.connect(new InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket s = createSocket();
                s.connect(new InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return createSocket(address, port);
            }
        };
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        super.connect(overrides.target(endpoint), timeout);
    }

    /** The status line and headers of the response read last, as sent. */
    synchronized byte[] lastHeaderBlock() {
        return lastBlock.clone();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        received(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    received(buf, off, n);
                    return n;
                }
            };
        }
        return input;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] buf, int off, int len) throws IOException {
                    if (len > 0) {
                        requestSent(buf[off]);
                    }
                    out.write(buf, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    requestSent(b);
                    out.write(b);
                }
            };
        }
        return output;
    }

    /** What is read after a request is written is the answer's header block, until the first blank line. */
    private synchronized void requestSent(int firstByte) {
        if (!firstByteSent) {
            firstByteSent = true;
            tls = (firstByte & 0xff) == TLS_HANDSHAKE;
        }
        reading = !tls;
        lineLength = 0;
        sawLine = false;
        block.reset();
    }

    private synchronized void received(byte[] buf, int off, int n) {
        for (int i = off; reading && i < off + n; i++) {
            byte b = buf[i];
            block.write(b);
            if (b == '\n') {
                // The blank line (CRLF, or LF from a sloppy server) after at least one line ends the block.
                if (lineLength == 0 && sawLine) {
                    reading = false;
                    lastBlock = block.toByteArray();
                }
                sawLine |= lineLength > 0;
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
            if (reading && block.size() > MAX_BLOCK) {
                reading = false;
                lastBlock = new byte[0];
            }
        }
    }
}
