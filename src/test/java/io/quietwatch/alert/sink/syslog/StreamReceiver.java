package io.quietwatch.alert.sink.syslog;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A syslog receiver on 127.0.0.1 for tests: TCP or TLS, reading octet-counted or LF-terminated frames
 * into a queue, one thread per connection. Records connections, client certificates, SNI names and
 * handshake failures. {@code stalled} receivers accept but never read.
 */
final class StreamReceiver implements AutoCloseable {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    final List<String> serverNames = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<String> protocols = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final boolean octetCounting;
    private final boolean stalled;
    private final Thread acceptor;

    private StreamReceiver(ServerSocket server, boolean octetCounting, boolean stalled) {
        this.server = server;
        this.octetCounting = octetCounting;
        this.stalled = stalled;
        this.acceptor = new Thread(this::acceptLoop, "test-syslog-receiver-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static StreamReceiver tcp(int port, boolean octetCounting) throws IOException {
        return new StreamReceiver(bind(new ServerSocket(), port, false), octetCounting, false);
    }

    /** Accepts with a tiny receive window and never reads. */
    static StreamReceiver stalled() throws IOException {
        return new StreamReceiver(bind(new ServerSocket(), 0, true), true, true);
    }

    /**
     * @param clientAuth "none", "want" or "need"
     * @param protocols  the TLS versions the receiver accepts, or none for the default
     */
    static StreamReceiver tls(int port, SSLContext context, String clientAuth, String... protocols) throws IOException {
        SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        s.setNeedClientAuth(clientAuth.equals("need"));
        if (clientAuth.equals("want")) {
            s.setWantClientAuth(true);
        }
        if (protocols.length > 0) {
            s.setEnabledProtocols(protocols);
        }
        return new StreamReceiver(bind(s, port, false), true, false);
    }

    private static ServerSocket bind(ServerSocket s, int port, boolean tinyWindow) throws IOException {
        s.setReuseAddress(true);
        if (tinyWindow) {
            s.setReceiveBufferSize(1024);
        }
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next message, waiting up to 5 s; fails if none comes. */
    String next() throws InterruptedException {
        String m = messages.poll(5, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message arrived; failures: " + failures);
        }
        return m;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                connections.incrementAndGet();
                if (!stalled) {
                    Thread t = new Thread(() -> read(s), "test-syslog-connection");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream())) {
            if (s instanceof SSLSocket tls) {
                tls.startHandshake();
                protocols.add(tls.getSession().getProtocol());
                if (tls.getSession() instanceof ExtendedSSLSession x) {
                    x.getRequestedServerNames().forEach(n -> serverNames.add(new String(n.getEncoded(), StandardCharsets.US_ASCII)));
                }
                try {
                    X509Certificate peer = (X509Certificate) tls.getSession().getPeerCertificates()[0];
                    clientSubjects.add(peer.getSubjectX500Principal().getName());
                } catch (SSLPeerUnverifiedException none) {
                    // no client certificate
                }
            }
            String m;
            while ((m = octetCounting ? octetFrame(in) : line(in)) != null) {
                messages.add(m);
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                failures.add(e.toString());
            }
        }
    }

    private static String octetFrame(InputStream in) throws IOException {
        int length = 0;
        int c;
        int digits = 0;
        while ((c = in.read()) != ' ') {
            if (c < 0 && digits == 0) {
                return null;
            }
            if (c < '0' || c > '9') {
                throw new IOException("bad octet count character " + c);
            }
            length = length * 10 + (c - '0');
            digits++;
        }
        byte[] b = in.readNBytes(length);
        if (b.length < length) {
            throw new IOException("frame cut short: " + b.length + " of " + length);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Stops listening and closes every connection, as a receiver going down does. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
