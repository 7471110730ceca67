package io.quietwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.quietwatch.config.DashboardConfig;
import io.quietwatch.store.AlertStore;
import io.quietwatch.store.StoredAlertJson;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's routes: which requests need a caller, which POSTs need the CSRF token, and which panel
 * answers. Engine panels answer 503 with the reason when the engine cannot (a rule file not loaded, the
 * pipeline too busy).
 */
final class DashboardApi {
    private static final Logger LOG = LogManager.getLogger(DashboardApi.class);
    private static final String ALERT_PREFIX = "/api/alerts/";
    private static final String ACK_SUFFIX = "/acknowledge";

    private final DashboardConfig config;
    private final DashboardUsers users;
    private final Sessions sessions;
    private final Access access;
    private final LoginLimiter limiter;
    private final DashboardSources sources;
    private final Clock clock;
    private final boolean https;
    private final UncommonPortsPanel uncommonPorts;
    private final TunnelPanel tunnels;
    private final DownloadsPanel downloads;
    private final NatPanel nat;
    private final ScanTrendPanel scanTrend;
    private final HealthPanel health;

    DashboardApi(DashboardConfig config, DashboardUsers users, Sessions sessions, Access access, LoginLimiter limiter,
                 DashboardSources sources, Clock clock, boolean https) {
        this.config = config;
        this.users = users;
        this.sessions = sessions;
        this.access = access;
        this.limiter = limiter;
        this.sources = sources;
        this.clock = clock;
        this.https = https;
        this.uncommonPorts = new UncommonPortsPanel(sources.queries());
        this.tunnels = new TunnelPanel(sources.queries());
        this.downloads = new DownloadsPanel(sources.alerts());
        this.nat = new NatPanel(sources.queries(), sources.alerts());
        this.scanTrend = new ScanTrendPanel(sources.queries());
        this.health = new HealthPanel(sources.stats(), sources.status());
    }

    WebReply handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (get && (path.equals("/") || path.equals("/index.html"))) {
            return StaticFiles.get("index.html");
        }
        if (get && path.startsWith("/static/")) {
            WebReply file = StaticFiles.get(path.substring("/static/".length()));
            return file != null ? file : WebReply.error(404, "no such file");
        }
        if (path.equals("/api/login")) {
            return method.equals("POST") ? login(ex) : WebReply.error(405, "POST only").with("Allow", "POST");
        }
        Access.Caller caller = access.caller(ex);
        if (get && path.equals("/health")) {
            return config.healthOpen() || caller != null ? healthSummary() : unauthorized();
        }
        if (get && path.equals("/metrics") && sources.metrics() != null) {
            if (!config.metricsOpen() && caller == null) {
                return unauthorized();
            }
            io.quietwatch.metrics.QuietWatchMetrics.Page page = sources.metrics().apply(ex.getRequestHeaders().getFirst("Accept"));
            return WebReply.text(200, page.contentType(), page.body());
        }
        if (!path.startsWith("/api/")) {
            return WebReply.error(404, "not found");
        }
        if (caller == null) {
            return unauthorized();
        }
        if (method.equals("POST")) {
            if (!Access.csrfOk(ex, caller)) {
                LOG.warn("Dashboard: POST {} by {} without a valid CSRF token refused", path, caller.user());
                return WebReply.error(403, "missing or wrong CSRF token (header " + Access.CSRF_HEADER + ")");
            }
            return post(path, caller);
        }
        if (!get) {
            return WebReply.error(405, "GET or POST only");
        }
        try {
            return read(path, io.quietwatch.daemon.AdminServer.params(ex.getRequestURI().getRawQuery()), caller);
        } catch (IllegalArgumentException e) {
            return WebReply.error(400, e.getMessage());
        } catch (EngineQueries.QueryException e) {
            return WebReply.error(503, e.getMessage());
        }
    }

    private WebReply read(String path, Map<String, String> q, Access.Caller caller) throws EngineQueries.QueryException {
        switch (path) {
            case "/api/session":
                return WebReply.json(200, session(caller));
            case "/api/uncommon-ports":
                return WebReply.json(200, uncommonPorts.ports());
            case "/api/uncommon-ports/hosts":
                return WebReply.json(200, uncommonPorts.hosts(transport(q.get("transport")), number(q, "port", -1, 0, 65535)));
            case "/api/http-tunnels":
                return WebReply.json(200, tunnels.tunnels(number(q, "min_minutes", 60, 0, 10_080)));
            case "/api/downloads":
                return WebReply.json(200, Map.of("downloads", downloads.downloads()));
            case "/api/nat-suspects":
                return WebReply.json(200, nat.suspects());
            case "/api/scan-trend":
                return WebReply.json(200, scanTrend.observation());
            case "/api/health":
                return WebReply.json(200, health.detail(clock.millis()));
            case "/api/alerts":
                return alerts(q);
            default:
                if (path.startsWith(ALERT_PREFIX) && store() != null) {
                    return store().get(path.substring(ALERT_PREFIX.length()))
                            .map(s -> WebReply.json(200, StoredAlertJson.tree(s)))
                            .orElseGet(() -> WebReply.error(404, "no alert with this id"));
                }
                return WebReply.error(404, "not found");
        }
    }

    private WebReply post(String path, Access.Caller caller) {
        if (path.equals("/api/logout")) {
            if (caller.session() != null) {
                sessions.end(caller.session().id());
            }
            return WebReply.json(200, Map.of("logged_out", true)).with("Set-Cookie", Access.clearedCookie(https));
        }
        if (path.startsWith(ALERT_PREFIX) && path.endsWith(ACK_SUFFIX) && store() != null) {
            String id = path.substring(ALERT_PREFIX.length(), path.length() - ACK_SUFFIX.length());
            if (!store().acknowledge(id, caller.user(), clock.millis())) {
                return WebReply.error(404, "no alert with this id");
            }
            LOG.info("Dashboard: alert {} acknowledged by {}", id, caller.user());
            return store().get(id).map(s -> WebReply.json(200, StoredAlertJson.tree(s)))
                    .orElseGet(() -> WebReply.error(404, "no alert with this id"));
        }
        return WebReply.error(404, "not found");
    }

    private WebReply alerts(Map<String, String> q) {
        if (store() == null) {
            return WebReply.error(503, "this daemon keeps no alert store");
        }
        Map<String, String> given = new java.util.HashMap<>(q);
        given.values().removeIf(String::isBlank);
        AlertStore.AlertQuery query = StoredAlertJson.query(given);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", store().count(query));
        out.put("alerts", store().find(query).stream().map(AlertRows::row).toList());
        return WebReply.json(200, out);
    }

    private WebReply login(HttpExchange ex) throws IOException {
        String client = ex.getRemoteAddress().getAddress().getHostAddress();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return WebReply.error(415, "send the login as application/json");
        }
        if (!sameOrigin(ex)) {
            return WebReply.error(403, "the login must come from the dashboard's own page");
        }
        JsonNode body;
        try {
            body = Json.read(ex.getRequestBody(), 4096);
        } catch (IOException e) {
            return WebReply.error(400, "the body is not a JSON object {\"user\", \"password\"}");
        }
        String user = body.path("user").asText("");
        String password = body.path("password").asText("");
        long wait = limiter.retryAfterSeconds(client, user);
        if (wait > 0) {
            LOG.warn("Dashboard: login for user {} from {} refused, too many failures", LogText.safe(user), client);
            return WebReply.error(429, "too many failed logins; try again in " + wait + " s").with("Retry-After", Long.toString(wait));
        }
        if (!users.check(user, password.toCharArray())) {
            limiter.failed(client, user);
            LOG.warn("Dashboard: failed login for user {} from {}", LogText.safe(user), client);
            return WebReply.error(401, "wrong user or password");
        }
        limiter.succeeded(client, user);
        String old = Access.cookie(ex, Access.COOKIE);
        if (old != null) {
            sessions.end(old);
        }
        Sessions.Session s = sessions.create(user);
        LOG.info("Dashboard: user {} logged in from {}", user, client);
        return WebReply.json(200, session(new Access.Caller(user, s))).with("Set-Cookie", Access.sessionCookie(s.id(), https));
    }

    /** A login with an Origin header must come from this server's own origin (no cross-site login). */
    private boolean sameOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        return origin == null || (host != null && origin.equals((https ? "https://" : "http://") + host));
    }

    private WebReply healthSummary() {
        boolean up = sources.queries().alive(2000);
        return WebReply.json(up ? 200 : 503, health.summary(clock.millis(), up));
    }

    private static Map<String, Object> session(Access.Caller caller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", caller.user());
        m.put("csrf_token", caller.session() == null ? null : caller.session().csrf());
        return m;
    }

    private AlertStore store() {
        return sources.alerts();
    }

    private static WebReply unauthorized() {
        return WebReply.error(401, "log in, or send Authorization: Bearer <token>");
    }

    private static String transport(String t) {
        if (t == null || !List.of("tcp", "udp").contains(t)) {
            throw new IllegalArgumentException("transport must be tcp or udp");
        }
        return t;
    }

    private static int number(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = blankToNull(q.get(name));
        if (v == null && dflt >= min) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
