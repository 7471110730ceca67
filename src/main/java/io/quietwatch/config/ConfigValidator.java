package io.quietwatch.config;

import io.quietwatch.event.Cidr;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the values of a bound configuration: ranges, names, networks, zones, clashes. Each issue
 * carries the JSON pointer of the offending value so the loader can give its line and column.
 */
public final class ConfigValidator {
    /** One problem: the value's JSON pointer ({@code /inputs/0/port}) and the message. */
    public record Issue(String pointer, String message) {
    }

    private final Set<String> formats;
    private final java.nio.file.Path home;
    private final List<Issue> issues = new ArrayList<>();

    /**
     * @param formats parser names a {@code format:} may name besides {@code auto}
     * @param home    QuietWatch's home, which the dashboard resolves its relative TLS files against
     */
    public ConfigValidator(Set<String> formats, java.nio.file.Path home) {
        this.formats = formats;
        this.home = home;
    }

    /** Every issue of {@code c}; empty when the configuration is usable. */
    public List<Issue> validate(QuietWatchConfig c) {
        issues.clear();
        Map<String, String> bound = new HashMap<>();
        Set<String> inputNames = new HashSet<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            checkInput("/inputs/" + i, c.inputs().get(i), bound, inputNames);
        }
        for (int i = 0; i < c.internalNetworks().size(); i++) {
            cidr("/internal_networks/" + i, c.internalNetworks().get(i));
        }
        require(!blank(c.rulesDir()), "/rules_dir", "must name a folder");
        require(!blank(c.listsDir()), "/lists_dir", "must name a folder");
        require(c.queueCapacity() >= 1 && c.queueCapacity() <= 10_000_000, "/queue_capacity", "must be between 1 and 10000000");
        require(c.queueMaxMb() >= 1 && c.queueMaxMb() <= 65_536, "/queue_max_mb", "must be between 1 and 65536 (MiB)");
        require(c.engine().maxFutureSkewSeconds() >= 0, "/engine/max_future_skew_seconds", "must not be negative");
        require(c.engine().dedupeHours() >= 0, "/engine/dedupe_hours", "must not be negative");
        require(c.engine().maxActiveHosts() >= 1, "/engine/max_active_hosts", "must be at least 1");
        require(c.engine().maxOpenIncidents() >= 1, "/engine/max_open_incidents", "must be at least 1");
        require(!blank(c.deadLetter().path()), "/dead_letter/path", "must name a file");
        require(c.deadLetter().maxPerSecond() >= 0, "/dead_letter/max_per_second", "must not be negative");
        Set<String> sinkNames = new HashSet<>();
        for (int i = 0; i < c.sinks().size(); i++) {
            SinkConfig s = c.sinks().get(i);
            String at = "/sinks/" + i;
            require(sinkNames.add(s.name()), at + "/name", "another sink is also named '" + s.name() + "'");
            keyed(at, s.problems());
        }
        for (int i = 0; i < c.routes().size(); i++) {
            RouteConfig r = c.routes().get(i);
            String at = "/routes/" + i;
            try {
                io.quietwatch.alert.AlertSeverity.parse(r.minSeverity());
            } catch (IllegalArgumentException e) {
                issue(at + "/min_severity", e.getMessage());
            }
            require(!r.sinks().isEmpty(), at + "/sinks", "names no sink");
            for (int j = 0; j < r.sinks().size(); j++) {
                require(sinkNames.contains(r.sinks().get(j)), at + "/sinks/" + j, "no sink is named '" + r.sinks().get(j) + "'");
            }
        }
        require(!blank(c.outbox().path()), "/outbox/path", "must name a folder");
        require(c.outbox().maxAttempts() >= 1, "/outbox/max_attempts", "must be at least 1");
        require(c.outbox().retryInitialSeconds() >= 1, "/outbox/retry_initial_seconds", "must be at least 1");
        require(c.outbox().retryMaxSeconds() >= c.outbox().retryInitialSeconds(), "/outbox/retry_max_seconds",
                "must be at least retry_initial_seconds");
        require(c.outbox().segmentMb() >= 1, "/outbox/segment_mb", "must be at least 1");
        port("/admin/port", c.admin().port());
        require(!c.admin().metricsOpen() || c.admin().enabled(), "/admin/metrics_open",
                "serves /metrics on the admin endpoint, which is disabled (admin.enabled: false)");
        keyed("/alert_store", c.alertStore().problems());
        require(c.statsIntervalSeconds() >= 1, "/stats_interval_seconds", "must be at least 1");
        require(!blank(c.state().path()), "/state/path", "must name a file");
        require(c.state().snapshotIntervalSeconds() >= 1 && c.state().snapshotIntervalSeconds() <= 86_400,
                "/state/snapshot_interval_seconds", "must be between 1 and 86400 (seconds)");
        checkDashboard(c.dashboard());
        return List.copyOf(issues);
    }

    /** Issues from a section's own problems, each starting with its key ({@code "port: ..."}), at that key. */
    private void keyed(String at, List<String> problems) {
        for (String problem : problems) {
            int colon = problem.indexOf(':');
            String key = colon > 0 && problem.substring(0, colon).matches("[a-z0-9_.]+") ? problem.substring(0, colon) : "";
            issues.add(new Issue(key.isEmpty() ? at : at + "/" + key.replace('.', '/'),
                    display(at) + (key.isEmpty() ? ": " + problem : "." + problem)));
        }
    }

    private void checkInput(String at, InputConfig in, Map<String, String> bound, Set<String> names) {
        require(names.add(in.name()), at + "/name", "another input is also named '" + in.name() + "'");
        require(in.protocol().equals("udp") || in.protocol().equals("tcp") || in.protocol().equals("tls"), at + "/protocol",
                "'" + in.protocol() + "' is not a protocol; use udp, tcp or tls");
        if (port(at + "/port", in.port()) && in.port() != 0) {
            // TCP and TLS listeners share the port space
            String key = (in.protocol().equals("udp") ? "udp" : "tcp") + "/" + in.port();
            String other = bound.putIfAbsent(key, in.name());
            require(other == null, at + "/port", "input '" + other + "' already listens on " + key);
        }
        require(!blank(in.bindAddress()), at + "/bind_address", "must be an address");
        require(in.format().equals("auto") || formats.contains(in.format()), at + "/format",
                "'" + in.format() + "' is not a format; use auto or one of " + String.join(", ", new java.util.TreeSet<>(formats)));
        if (in.defaultTimezone() != null) {
            try {
                ZoneId.of(in.defaultTimezone());
            } catch (DateTimeException e) {
                issue(at + "/default_timezone", "'" + in.defaultTimezone() + "' is not a time zone (use e.g. UTC, Europe/Paris, +02:00)");
            }
        }
        require(in.maxMessageSize() >= 480 && in.maxMessageSize() <= 16 * 1024 * 1024, at + "/max_message_size",
                "must be between 480 and 16777216 bytes");
        require(in.receiveBufferSize() >= 4096, at + "/receive_buffer_size", "must be at least 4096 bytes");
        for (int i = 0; i < in.allowedSenders().size(); i++) {
            cidr(at + "/allowed_senders/" + i, in.allowedSenders().get(i));
        }
        require(in.maxConnections() >= 1, at + "/max_connections", "must be at least 1");
        require(in.idleTimeoutSeconds() >= 0, at + "/idle_timeout_seconds", "must be 0 (never) or more seconds");
        checkTls(at, in);
    }

    private void checkTls(String at, InputConfig in) {
        TlsConfig tls = in.tls();
        if (!in.protocol().equals("tls")) {
            require(tls == null, at + "/tls", "is only for protocol tls");
            return;
        }
        if (!require(tls != null, at + "/tls", "a tls input needs tls.cert_file and tls.key_file")) {
            return;
        }
        readableFile(at + "/tls/cert_file", tls.certFile());
        readableFile(at + "/tls/key_file", tls.keyFile());
        boolean clientCerts = tls.clientAuth().equals("optional") || tls.clientAuth().equals("required");
        require(clientCerts || tls.clientAuth().equals("none"), at + "/tls/client_auth",
                "'" + tls.clientAuth() + "' is not none, optional or required");
        if (clientCerts) {
            readableFile(at + "/tls/client_ca_file", tls.clientCaFile());
        }
    }

    private void checkDashboard(DashboardConfig d) {
        port("/dashboard/port", d.port());
        require(!blank(d.bindAddress()), "/dashboard/bind_address", "must be an address");
        require(d.sessionMinutes() >= 1 && d.sessionMinutes() <= 43_200, "/dashboard/session_minutes",
                "must be between 1 and 43200 (30 days)");
        if (d.tls() != null) {
            // checked where the dashboard opens them: relative to home
            readableFile("/dashboard/tls/cert_file", d.tls().certFile(), home);
            readableFile("/dashboard/tls/key_file", d.tls().keyFile(), home);
        }
        if (d.tokenFile() != null) {
            require(!d.tokenFile().isBlank(), "/dashboard/token_file", "must name a file");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.users().size(); i++) {
            DashboardConfig.User u = d.users().get(i);
            String at = "/dashboard/users/" + i;
            if (require(u != null && !blank(u.name()), at + "/name", "must name the user")) {
                require(DashboardConfig.User.validName(u.name()), at + "/name",
                        "may hold only letters, digits and . _ @ - (at most 64)");
                require(names.add(u.name()), at + "/name", "another user is also named '" + u.name() + "'");
            }
            try {
                io.quietwatch.web.PasswordHash.parse(u == null ? null : u.passwordHash());
            } catch (IllegalArgumentException e) {
                issue(at + "/password_hash", e.getMessage());
            }
        }
    }

    private void readableFile(String at, String file) {
        readableFile(at, file, null);
    }

    /** As {@link #readableFile(String, String)}, a relative {@code file} taken relative to {@code base} unless null. */
    private void readableFile(String at, String file, java.nio.file.Path base) {
        if (require(!blank(file), at, "must name a PEM file")) {
            java.nio.file.Path p = base == null ? java.nio.file.Path.of(file) : base.resolve(file);
            require(java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isReadable(p), at,
                    file + " is not a readable file");
        }
    }

    private void cidr(String at, String value) {
        try {
            Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            issue(at, e.getMessage());
        }
    }

    private boolean port(String at, int port) {
        return require(port >= 0 && port <= 65535, at, port + " is not a port (0-65535)");
    }

    private boolean require(boolean ok, String pointer, String message) {
        if (!ok) {
            issue(pointer, message);
        }
        return ok;
    }

    private void issue(String pointer, String message) {
        issues.add(new Issue(pointer, display(pointer) + ": " + message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code /inputs/0/port} as admins write it: {@code inputs[0].port}. */
    static String display(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }
}
