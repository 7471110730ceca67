package io.quietwatch.config;

import java.util.List;

/**
 * The dashboard and its JSON API ({@code dashboard:}): panels over the engine's tables and the alert store,
 * behind a login. Without users the daemon makes user {@code admin} with a random password written to
 * {@code var/dashboard.password} on first start.
 *
 * @param enabled        whether to serve it (default true)
 * @param bindAddress    address to bind ({@code bind_address}, default {@code 127.0.0.1})
 * @param port           port (default 8080; 0 picks a free one)
 * @param tls            HTTPS certificate and key; none serves plain HTTP
 * @param users          who may log in, with PBKDF2 hashes from {@code bin/quietwatch passwd}
 * @param metricsOpen    serve {@code /metrics} without login ({@code metrics_open}, default false)
 * @param healthOpen     serve {@code /health} without login ({@code health_open}, default true)
 * @param sessionMinutes a session unused this long ends ({@code session_minutes}, default 480)
 * @param tokenFile      a file whose content is accepted as {@code Authorization: Bearer} token besides the
 *                       admin endpoint's ({@code token_file}, optional)
 */
public record DashboardConfig(Boolean enabled, String bindAddress, Integer port, Tls tls, List<User> users,
                              Boolean metricsOpen, Boolean healthOpen, Integer sessionMinutes, String tokenFile) {
    public DashboardConfig {
        enabled = enabled == null || enabled;
        bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
        port = port == null ? 8080 : port;
        users = users == null ? List.of() : List.copyOf(users);
        metricsOpen = metricsOpen != null && metricsOpen;
        healthOpen = healthOpen == null || healthOpen;
        sessionMinutes = sessionMinutes == null ? 480 : sessionMinutes;
    }

    /** Every default. */
    public static DashboardConfig defaults() {
        return new DashboardConfig(null, null, null, null, null, null, null, null, null);
    }

    /**
     * HTTPS of the dashboard ({@code dashboard.tls}).
     *
     * @param certFile PEM file with the certificate, then its chain ({@code cert_file})
     * @param keyFile  PEM file with the unencrypted PKCS#8 private key ({@code key_file})
     */
    public record Tls(String certFile, String keyFile) {
    }

    /**
     * One dashboard user.
     *
     * @param name         login name
     * @param passwordHash {@code pbkdf2-sha256$iterations$salt$hash} ({@code password_hash})
     */
    public record User(String name, String passwordHash) {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

        /** Whether {@code name} can be a user name: 1 to 64 letters, digits and {@code . _ @ -}. */
        public static boolean validName(String name) {
            return name != null && NAME.matcher(name).matches();
        }
    }
}
