package io.quietwatch.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Executors;

/**
 * The local admin endpoint: {@code GET /stats} returns the daemon's counters as JSON. It binds to
 * loopback by default and requires {@code Authorization: Bearer <token>}, the token being a random
 * value the daemon writes to a file readable only by its user ({@code var/admin.token}).
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] token;

    private AdminServer(HttpServer server, byte[] token) {
        this.server = server;
        this.token = token;
    }

    /** Binds, writes a fresh token to {@code tokenFile}, and serves. */
    public static AdminServer start(String bindAddress, int port, Path tokenFile, DaemonStats stats, Clock clock)
            throws IOException {
        String tokenText = HexFormat.of().formatHex(randomBytes());
        writeToken(tokenFile, tokenText);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
        } catch (IOException e) {
            throw new IOException("admin endpoint: cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        AdminServer admin = new AdminServer(server, tokenText.getBytes(StandardCharsets.US_ASCII));
        server.createContext("/stats", ex -> admin.handle(ex, stats, clock));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quietwatch-admin");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Admin endpoint on http://{}:{}/stats (token in {})", bindAddress, admin.port(), tokenFile);
        return admin;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static void writeToken(Path file, String token) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
    }

    private void handle(HttpExchange ex, DaemonStats stats, Clock clock) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, "{\"error\":\"GET only\"}");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            byte[] given = auth != null && auth.startsWith("Bearer ")
                    ? auth.substring(7).strip().getBytes(StandardCharsets.US_ASCII) : new byte[0];
            if (!MessageDigest.isEqual(given, token)) {
                reply(ex, 401, "{\"error\":\"missing or wrong token\"}");
                return;
            }
            reply(ex, 200, JSON.writeValueAsString(stats.snapshot(clock.millis())));
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
