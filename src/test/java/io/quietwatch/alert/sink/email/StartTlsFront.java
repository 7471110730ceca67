package io.quietwatch.alert.sink.email;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * STARTTLS in front of a plain GreenMail SMTP server (GreenMail's SMTP server has no STARTTLS): speaks
 * SMTP up to STARTTLS, upgrades the connection with the test PKI's server certificate, then relays the
 * rest of the dialogue, in TLS, to GreenMail (whose own greeting it swallows).
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final int backendPort;
    private final AtomicInteger tlsSessions = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    StartTlsFront(SSLContext tls, int backendPort) throws IOException {
        this.tls = tls;
        this.backendPort = backendPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "starttls-front-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections upgraded to TLS so far. */
    int tlsSessions() {
        return tlsSessions.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "starttls-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            send(out, "220 front ESMTP");
            String line;
            while ((line = ScriptedSmtpServer.readLine(in)) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (verb.equals("EHLO")) {
                    send(out, "250-front\r\n250 STARTTLS");
                } else if (verb.equals("STARTTLS")) {
                    send(out, "220 2.0.0 ready to start TLS");
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(s, "127.0.0.1", s.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    tlsSessions.incrementAndGet();
                    relay(secure);
                    return;
                } else if (verb.equals("QUIT")) {
                    send(out, "221 bye");
                    break;
                } else {
                    send(out, "530 5.7.0 must issue a STARTTLS command first");
                }
            }
            s.close();
        } catch (IOException e) {
            closeQuietly(s);
        }
    }

    private void relay(SSLSocket client) throws IOException {
        Socket back = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        sockets.add(back);
        InputStream backIn = back.getInputStream();
        String greeting;
        do {
            greeting = ScriptedSmtpServer.readLine(backIn);
        } while (greeting != null && greeting.startsWith("220-"));
        Thread up = new Thread(() -> pipe(client, back), "starttls-front-up");
        up.setDaemon(true);
        up.start();
        pipe(back, client);
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
