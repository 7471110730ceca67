package io.quietwatch.alert.sink.email;

import java.io.ByteArrayOutputStream;
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
import java.util.function.Function;

/**
 * An SMTP server on 127.0.0.1 whose replies a test scripts, for the failures GreenMail does not make
 * (refused recipients, transient replies, a server that never answers). The script gets each command
 * line ({@code CONNECT} for the greeting, {@code .} for the end of the data) and returns the reply,
 * null for the usual one, or "" to stay silent.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final Function<String, String> script;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer(Function<String, String> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "scripted-smtp-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every command received, in order. */
    List<String> commands() {
        return commands;
    }

    /** The data of every message received. */
    List<String> messages() {
        return messages;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "scripted-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            reply(out, "CONNECT", "220 scripted ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, line, "250-scripted\r\n250 8BITMIME");
                    case "DATA" -> {
                        if (reply(out, line, "354 go ahead").startsWith("354")) {
                            messages.add(readData(in));
                            reply(out, ".", "250 2.0.0 queued");
                        }
                    }
                    case "QUIT" -> {
                        reply(out, line, "221 bye");
                        return;
                    }
                    case "MAIL", "RCPT", "RSET", "NOOP", "HELO" -> reply(out, line, "250 OK");
                    default -> reply(out, line, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        }
    }

    private String reply(OutputStream out, String command, String usual) throws IOException {
        String r = script.apply(command);
        r = r == null ? usual : r;
        if (!r.isEmpty()) {
            out.write((r + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return r;
    }

    private static String readData(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            sb.append(line).append("\r\n");
        }
        return sb.toString();
    }

    /** One CRLF-terminated line, read byte by byte so nothing after it is consumed. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
