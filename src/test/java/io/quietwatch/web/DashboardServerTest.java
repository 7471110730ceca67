package io.quietwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.config.DashboardConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's access control and headers over real HTTP on 127.0.0.1: login, session cookie, CSRF on
 * POST, bearer tokens, failed-login limit, session expiry, open and closed {@code /health}. The engine
 * panels are left to {@link PanelQueriesTest} and the daemon's DashboardIT; here the engine is absent.
 */
class DashboardServerTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String HASH = PasswordHash.create(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS);

    @TempDir
    Path home;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    private final MemoryAlertStore store = new MemoryAlertStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(DashboardConfig config) throws Exception {
        EngineQueries noEngine = new EngineQueries(null, new EngineQueries.PipelineExecutor() {
            @Override
            public <T> CompletableFuture<T> submit(java.util.function.Supplier<T> task) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("no engine in this test"));
            }
        }, 1000);
        server = DashboardServer.start(config, home, new DashboardSources(noEngine, store,
                now -> Map.of("uptime_seconds", 5L, "processed", 42L), now -> Map.of(), null), clock);
    }

    private static DashboardConfig config(Boolean healthOpen, Integer sessionMinutes, String tokenFile) {
        return new DashboardConfig(true, "127.0.0.1", 0, null, List.of(new DashboardConfig.User("alice", HASH)), null,
                healthOpen, sessionMinutes, tokenFile);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return post("/api/login", json.writeValueAsString(Map.of("user", user, "password", password)),
                "Content-Type", "application/json");
    }

    private static String cookie(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private void plantAlert(String id) {
        store.record(new Alert(id, "http-tunnel", "http-tunnel-closed", AlertSeverity.LOW, "HTTP tunnel candidate",
                clock.millis(), clock.millis() - 7_200_000, clock.millis(), 1, "10.1.2.3", null, "203.0.113.80", 443,
                "A long session.", List.of(), Map.of("durationSeconds", 7207)));
    }

    @Test
    void everyApiNeedsALoginAndEveryResponseCarriesTheSecurityHeaders() throws Exception {
        start(config(null, null, null));
        for (String path : List.of("/api/alerts", "/api/session", "/api/uncommon-ports", "/api/health", "/api/alerts/x")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(post("/api/alerts/x/acknowledge", "").statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/static/dashboard.js\"").doesNotContain("<script>");
        for (HttpResponse<String> r : List.of(page, get("/api/alerts"), get("/static/dashboard.js"), get("/nothing"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("default-src 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(get("/static/../index.html").statusCode()).isEqualTo(404);
        assertThat(get("/static/DashboardServer.class").statusCode()).isEqualTo(404);
    }

    @Test
    void aLoginGivesAStrictHttpOnlyCookieAndPostsNeedItsCsrfToken() throws Exception {
        start(config(null, null, null));
        plantAlert("a1");
        assertThat(login("alice", "wrong").statusCode()).isEqualTo(401);
        assertThat(login("mallory", PASSWORD).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = login("alice", PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        String set = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("qw_session=").contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        assertThat(set.substring("qw_session=".length(), set.indexOf(';'))).hasSize(43);
        String cookie = cookie(ok);
        String csrf = json.readTree(ok.body()).path("csrf_token").asText();
        assertThat(csrf).hasSize(43);

        JsonNode list = json.readTree(get("/api/alerts", "Cookie", cookie).body());
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("alerts").get(0).path("host_ip").asText()).isEqualTo("10.1.2.3");

        assertThat(post("/api/alerts/a1/acknowledge", "", "Cookie", cookie).statusCode()).isEqualTo(403);
        assertThat(post("/api/alerts/a1/acknowledge", "", "Cookie", cookie, "X-CSRF-Token", csrf + "x").statusCode()).isEqualTo(403);
        assertThat(store.get("a1").orElseThrow().acknowledged()).isFalse();
        HttpResponse<String> ack = post("/api/alerts/a1/acknowledge", "", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ack.body()).path("acknowledged").path("by").asText()).isEqualTo("alice");
        assertThat(json.readTree(get("/api/alerts", "Cookie", cookie).body()).path("alerts").get(0).path("acknowledged").path("by").asText())
                .isEqualTo("alice");
        assertThat(store.get("a1").orElseThrow().acknowledgedBy()).isEqualTo("alice");
        assertThat(post("/api/alerts/nope/acknowledge", "", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(404);

        assertThat(post("/api/logout", "", "Cookie", cookie).statusCode()).as("logout needs the token too").isEqualTo(403);
        HttpResponse<String> out = post("/api/logout", "", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie")).get().asString().contains("Max-Age=0");
        assertThat(get("/api/alerts", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginFromAnotherSiteOrNotAsJsonIsRefused() throws Exception {
        start(config(null, null, null));
        String body = json.writeValueAsString(Map.of("user", "alice", "password", PASSWORD));
        assertThat(post("/api/login", body, "Content-Type", "application/json", "Origin", "http://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(post("/api/login", "user=alice&password=x", "Content-Type", "application/x-www-form-urlencoded").statusCode())
                .isEqualTo(415);
        assertThat(post("/api/login", body, "Content-Type", "application/json", "Origin", "http://127.0.0.1:" + server.port())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailedLoginsAreRefusedForAWhile() throws Exception {
        start(config(null, null, null));
        for (int i = 0; i < LoginLimiter.MAX_FAILURES; i++) {
            assertThat(login("alice", "guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = login("alice", PASSWORD);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        clock.advance(LoginLimiter.WINDOW_MINUTES * 60_000L + 1);
        assertThat(login("alice", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsWhenUnusedForTheConfiguredMinutes() throws Exception {
        start(config(null, 10, null));
        String cookie = cookie(login("alice", PASSWORD));
        clock.advance(9 * 60_000L);
        assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(200);
        clock.advance(9 * 60_000L);
        assertThat(get("/api/session", "Cookie", cookie).statusCode()).as("used 9 minutes ago").isEqualTo(200);
        clock.advance(10 * 60_000L + 1);
        assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aBearerTokenFromATokenFileOpensTheApiWithoutCsrf() throws Exception {
        Path token = Files.writeString(home.resolve("api.token"), "s3cret-token-value\n");
        start(config(null, null, "api.token"));
        plantAlert("a2");
        assertThat(get("/api/alerts", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/alerts", "Authorization", "Bearer s3cret-token-value").statusCode()).isEqualTo(200);
        assertThat(post("/api/alerts/a2/acknowledge", "", "Authorization", "Bearer s3cret-token-value").statusCode()).isEqualTo(200);
        assertThat(store.get("a2").orElseThrow().acknowledgedBy()).isEqualTo("token");
        Files.delete(token);
        assertThat(get("/api/alerts", "Authorization", "Bearer s3cret-token-value").statusCode()).isEqualTo(401);
        Files.createDirectories(home.resolve("var"));
        Files.writeString(home.resolve("var/admin.token"), "admin-token\n");
        assertThat(get("/api/alerts", "Authorization", "Bearer admin-token").statusCode()).as("the admin endpoint's token").isEqualTo(200);
    }

    @Test
    void healthIsOpenByDefaultAndClosedOnRequest() throws Exception {
        start(config(null, null, null));
        HttpResponse<String> open = get("/health");
        assertThat(open.statusCode()).as("the pipeline of this test never answers").isEqualTo(503);
        assertThat(json.readTree(open.body()).path("status").asText()).isEqualTo("down");
        assertThat(json.readTree(open.body()).path("processed").asLong()).isEqualTo(42);
        server.close();
        start(config(false, null, null));
        assertThat(get("/health").statusCode()).isEqualTo(401);
        assertThat(get("/metrics").statusCode()).as("no metrics source").isEqualTo(404);
    }

    @Test
    void withoutUsersTheFirstStartWritesAnAdminPasswordOnlyItsOwnerCanRead() throws Exception {
        start(new DashboardConfig(true, "127.0.0.1", 0, null, null, null, null, null, null));
        Path file = home.resolve("var/dashboard.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(login("admin", password).statusCode()).isEqualTo(200);
        server.close();
        start(new DashboardConfig(true, "127.0.0.1", 0, null, null, null, null, null, null));
        assertThat(Files.readString(file).strip()).as("kept across restarts").isEqualTo(password);
        assertThat(login("admin", password).statusCode()).isEqualTo(200);
    }

    @Test
    void overHttpsTheCookieIsSecure() throws Exception {
        var keys = io.quietwatch.testing.Certificates.keys();
        var cert = io.quietwatch.testing.Certificates.certificate("CN=127.0.0.1", keys, keys.getPrivate(), "CN=127.0.0.1", false,
                new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.iPAddress, "127.0.0.1"));
        io.quietwatch.testing.Certificates.pem(home.resolve("cert.pem"), cert);
        io.quietwatch.testing.Certificates.pkcs8(home.resolve("key.pem"), keys.getPrivate());
        start(new DashboardConfig(true, "127.0.0.1", 0, new DashboardConfig.Tls("cert.pem", "key.pem"),
                List.of(new DashboardConfig.User("alice", HASH)), null, null, null, null));
        var trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("dashboard", cert);
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("user", "alice", "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie")).get().asString().contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        void advance(long by) {
            millis += by;
        }

        void set(long to) {
            millis = to;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
