package io.quietwatch.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quietwatch.metrics.QuietWatchMetrics;
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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.Executors;

/**
 * The local admin endpoint: {@code GET /stats} returns the daemon's counters as JSON, {@code GET /status}
 * the counters with the rules, lists and last reload, {@code POST /reload} reloads the rules (200 when
 * the new rules run, 422 when they were rejected; the body says why), and {@code GET /metrics} gives the
 * Prometheus metrics once {@link #serveMetrics} is called. It binds to loopback by default and
 * requires {@code Authorization: Bearer <token>}, the token being a random value the daemon writes to a
 * file readable only by its user ({@code var/admin.token}).
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

    /** What the endpoint can do beyond the counters. */
    public interface Actions {
        /** The {@code status} document. */
        Map<String, Object> status();

        /** Reloads the rules and says how it went. */
        RuleReloader.Report reload();

        /**
         * The stored alerts matching the URL's query ({@code GET /alerts}, see
         * {@link io.quietwatch.store.StoredAlertJson#query}), or null when no alert store is enabled.
         */
        default List<Object> alerts(Map<String, String> query) {
            return null;
        }
    }

    /** Binds, writes a fresh token to {@code tokenFile}, and serves {@code /stats} only. */
    public static AdminServer start(String bindAddress, int port, Path tokenFile, DaemonStats stats, Clock clock)
            throws IOException {
        return start(bindAddress, port, tokenFile, stats, clock, null);
    }

    /** Binds, writes a fresh token to {@code tokenFile}, and serves; {@code actions} may be null. */
    public static AdminServer start(String bindAddress, int port, Path tokenFile, DaemonStats stats, Clock clock,
                                    Actions actions) throws IOException {
        String tokenText = HexFormat.of().formatHex(randomBytes());
        writeToken(tokenFile, tokenText);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
        } catch (IOException e) {
            throw new IOException("admin endpoint: cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        AdminServer admin = new AdminServer(server, tokenText.getBytes(StandardCharsets.US_ASCII));
        server.createContext("/stats", ex -> admin.handle(ex, "GET", () -> ok(stats.snapshot(clock.millis()))));
        if (actions != null) {
            server.createContext("/status", ex -> admin.handle(ex, "GET", () -> ok(actions.status())));
            server.createContext("/reload", ex -> admin.handle(ex, "POST", () -> {
                RuleReloader.Report r = actions.reload();
                return new Reply(r.applied() ? 200 : 422, r.toMap());
            }));
            server.createContext("/alerts", ex -> admin.handle(ex, "GET", () -> alerts(actions, ex.getRequestURI().getRawQuery())));
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quietwatch-admin");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Admin endpoint on http://{}:{}/stats (token in {})", bindAddress, admin.port(), tokenFile);
        return admin;
    }

    private static Reply alerts(Actions actions, String rawQuery) {
        try {
            List<Object> found = actions.alerts(params(rawQuery));
            return found == null ? new Reply(404, Map.of("error", "the alert store is disabled")) : ok(found);
        } catch (IllegalArgumentException e) {
            return new Reply(400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /**
     * The parameters of a URL's raw query string, decoded: the first value of each name; a name without
     * {@code =} has the value {@code ""}. Used by {@code GET /alerts} here and by the dashboard's API.
     */
    public static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new java.util.HashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** Writes a secret, and a newline, to a fresh file only the daemon's user can read (mode 600). */
    public static void writeToken(Path file, String token) throws IOException {
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

    /** An answer: {@code body} as JSON, or, with a {@code contentType}, a text sent as it is. */
    private record Reply(int status, Object body, String contentType) {
        Reply(int status, Object body) {
            this(status, body, null);
        }
    }

    private static Reply ok(Object body) {
        return new Reply(200, body);
    }

    private void handle(HttpExchange ex, String method, Supplier<Reply> action) throws IOException {
        handle(ex, method, false, null, action);
    }

    /**
     * Answers one request: 405 for another method, 401 without the token (unless {@code open}), else the
     * action's reply; 500 when the action throws, with {@code failure} as the error, or the exception's
     * message when {@code failure} is null.
     */
    private void handle(HttpExchange ex, String method, boolean open, String failure, Supplier<Reply> action)
            throws IOException {
        try (ex) {
            if (!method.equals(ex.getRequestMethod())) {
                reply(ex, 405, "{\"error\":\"" + method + " only\"}");
                return;
            }
            if (!open && !authorized(ex)) {
                return;
            }
            Reply r;
            try {
                r = action.get();
            } catch (RuntimeException e) {
                LOG.error("Admin request {} failed: {}", ex.getRequestURI().getPath(), e.toString(), e);
                r = new Reply(500, Map.of("error", failure != null ? failure : String.valueOf(e.getMessage())));
            }
            if (r.contentType() != null) {
                reply(ex, r.status(), r.contentType(), (String) r.body());
            } else {
                reply(ex, r.status(), JSON.writeValueAsString(r.body()));
            }
        }
    }

    /** True when the request carries the token; otherwise answers 401 and returns false. */
    private boolean authorized(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        byte[] given = auth != null && auth.startsWith("Bearer ")
                ? auth.substring(7).strip().getBytes(StandardCharsets.US_ASCII) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            reply(ex, 401, "{\"error\":\"missing or wrong token\"}");
            return false;
        }
        return true;
    }

    /**
     * Serves {@code GET /metrics} (Prometheus text, or OpenMetrics when the {@code Accept} header asks
     * for it): with the token, or to anyone who can reach the endpoint when {@code open}.
     */
    public void serveMetrics(QuietWatchMetrics metrics, boolean open) {
        server.createContext("/metrics", ex -> handle(ex, "GET", open, "the metrics could not be collected", () -> {
            QuietWatchMetrics.Page page = metrics.scrape(ex.getRequestHeaders().getFirst("Accept"));
            return new Reply(200, page.body(), page.contentType());
        }));
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        reply(ex, status, "application/json", body);
    }

    private static void reply(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
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
