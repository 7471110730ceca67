package io.quietwatch.alert.sink.syslog;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Messages over one kept-open TCP or TLS connection, framed by octet counting (RFC 6587 3.4.1, RFC 5425
 * 4.3) or a trailing LF (RFC 6587 3.4.2). Syslog over TCP has no acknowledgements, so before each write
 * the connection is checked for a close by the receiver (an end of stream or a TLS alert waiting to be
 * read): writing into a connection the receiver has closed would "succeed" and lose the message.
 */
final class SyslogStreamTransport implements SyslogTransport {
    /** How long to wait for a TLS 1.3 receiver to refuse the client's certificate after the handshake. */
    private static final int TLS13_REFUSAL_WAIT_MILLIS = 500;

    private final String host;
    private final int port;
    private final boolean octetCounting;
    private final SSLSocketFactory tls;
    private final SSLParameters tlsParameters;
    private final int connectMillis;
    private final int requestMillis;
    private final SyslogDeadline deadline;
    private final String peer;
    private final byte[] drain = new byte[512];
    private Socket raw;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param tls null for plain TCP */
    SyslogStreamTransport(String host, int port, boolean octetCounting, SSLSocketFactory tls, SSLParameters tlsParameters,
                          int connectMillis, int requestMillis, String sinkName) {
        this.host = host;
        this.port = port;
        this.octetCounting = octetCounting;
        this.tls = tls;
        this.tlsParameters = tlsParameters;
        this.connectMillis = connectMillis;
        this.requestMillis = requestMillis;
        this.deadline = new SyslogDeadline("quietwatch-sink-" + sinkName + "-write-timeout");
        this.peer = (tls == null ? "tcp " : "tls ") + SyslogUdpTransport.hostPort(host, port);
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (socket != null && !alive()) {
            dropConnection();
        }
        if (socket == null) {
            connect();
        }
        byte[] frame = frame(message);
        try {
            deadline.run(() -> {
                out.write(frame);
                out.flush();
            }, raw, requestMillis, "write to " + peer);
        } catch (IOException e) {
            dropConnection();
            throw new IOException(peer + ": write failed: " + e.getMessage(), e);
        }
    }

    private byte[] frame(byte[] message) {
        if (!octetCounting) {
            byte[] f = new byte[message.length + 1];
            System.arraycopy(message, 0, f, 0, message.length);
            f[message.length] = '\n';
            return f;
        }
        byte[] count = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] f = new byte[count.length + message.length];
        System.arraycopy(count, 0, f, 0, count.length);
        System.arraycopy(message, 0, f, count.length, message.length);
        return f;
    }

    private void connect() throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(peer + ": cannot resolve " + host);
        }
        Socket s = new Socket();
        try {
            s.setKeepAlive(true);
            s.setTcpNoDelay(true);
            s.connect(address, connectMillis);
            s.setSoTimeout(requestMillis);
        } catch (IOException e) {
            closeQuietly(s);
            throw new IOException(peer + ": cannot connect: " + e.getMessage(), e);
        }
        raw = s;
        socket = s;
        if (tls != null) {
            handshake();
        }
        in = socket.getInputStream();
        out = socket.getOutputStream();
        if (tls != null && "TLSv1.3".equals(((SSLSocket) socket).getSession().getProtocol())) {
            // TLS 1.3 ends the client's handshake before the receiver has checked the client certificate
            // (RFC 8446 4.4.2.4): a refusal arrives as an alert just after it
            awaitRefusal();
        }
    }

    private void handshake() throws IOException {
        try {
            SSLSocket s = (SSLSocket) tls.createSocket(raw, host, port, true);
            s.setSSLParameters(tlsParameters);
            socket = s;
            s.startHandshake();
        } catch (IOException e) {
            dropConnection();
            throw new IOException(peer + ": TLS handshake failed: " + SyslogTls.describe(e), e);
        }
    }

    private void awaitRefusal() throws IOException {
        try {
            socket.setSoTimeout(TLS13_REFUSAL_WAIT_MILLIS);
            if (in.read(drain) < 0) {
                throw new EOFException("the receiver closed the connection");
            }
            socket.setSoTimeout(requestMillis);
        } catch (SocketTimeoutException quiet) {
            socket.setSoTimeout(requestMillis);
        } catch (IOException e) {
            dropConnection();
            throw new IOException(peer + ": the receiver refused the TLS session after the handshake: "
                    + SyslogTls.describe(e), e);
        }
    }

    /** False if the receiver has closed its side; data it sent (receivers send none) is read and ignored. */
    private boolean alive() {
        try {
            socket.setSoTimeout(1);
            for (int i = 0; i < 16; i++) {
                if (in.read(drain) < 0) {
                    return false;
                }
            }
            return true;
        } catch (SocketTimeoutException nothingToRead) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(requestMillis);
                }
            } catch (IOException ignored) {
                // the next write fails and says why
            }
        }
    }

    private void dropConnection() {
        Socket s = socket;
        Socket r = raw;
        socket = null;
        raw = null;
        in = null;
        out = null;
        if (s != null && s != r) {
            // a TLS close sends close_notify, which can block on a receiver that stopped reading
            try {
                deadline.run(s::close, r, requestMillis, "closing " + peer);
            } catch (IOException | RuntimeException ignored) {
                // the raw socket is closed below either way
            }
        }
        closeQuietly(r);
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to do with it
            }
        }
    }

    @Override
    public void close() {
        dropConnection();
        deadline.close();
    }
}
