package io.quietwatch.config;

import io.quietwatch.alert.sink.http.Secret;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert store behind the dashboard's alerts panel ({@code alert_store:}): every alert the router
 * lets out, one row per incident, kept for a bounded time.
 *
 * @param enabled       whether alerts are stored (default true)
 * @param url           JDBC URL: {@code jdbc:h2:...} or {@code jdbc:postgresql://...}; default (null) is the
 *                      embedded H2 file {@code var/alerts-db.mv.db} under QuietWatch's home
 * @param user          database user (none for the embedded default)
 * @param password      database password; or {@code password_file}, {@code password_env}
 * @param retentionDays days a row is kept after its latest revision was stored ({@code retention_days}, default 30)
 * @param maxAlerts     rows kept at most, the oldest removed first ({@code max_alerts}, default 100000)
 * @param queueCapacity alerts waiting to be written before new ones are dropped and counted
 *                      ({@code queue_capacity}, default 10000)
 */
public record AlertStoreConfig(Boolean enabled, String url, String user, String password, String passwordFile,
                               String passwordEnv, Integer retentionDays, Integer maxAlerts, Integer queueCapacity) {
    /** Where the embedded database lives when no URL is configured, relative to home (H2 adds {@code .mv.db}). */
    public static final String DEFAULT_H2_FILE = "var/alerts-db";
    private static final String H2_SUFFIX = ".mv.db";

    public AlertStoreConfig {
        enabled = enabled == null || enabled;
        retentionDays = retentionDays == null ? 30 : retentionDays;
        maxAlerts = maxAlerts == null ? 100_000 : maxAlerts;
        queueCapacity = queueCapacity == null ? 10_000 : queueCapacity;
    }

    /** Every default: enabled, embedded H2 under {@code var/}. */
    public static AlertStoreConfig defaults() {
        return new AlertStoreConfig(null, null, null, null, null, null, null, null, null);
    }

    /** The JDBC URL to open: the configured one, or the embedded H2 file under {@code home}. */
    public String jdbcUrl(Path home) {
        if (url != null) {
            return url;
        }
        // H2 is given the name without its suffix, and adds it
        String file = embeddedFile(home).toString();
        // the daemon closes the store itself, after the last alert is written, not H2's own shutdown hook
        return "jdbc:h2:file:" + file.substring(0, file.length() - H2_SUFFIX.length()) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The file of the embedded H2 database under {@code home} ({@code var/alerts-db.mv.db}, absolute), or null
     * when a URL is configured.
     */
    public Path embeddedFile(Path home) {
        return url != null ? null : home.resolve(DEFAULT_H2_FILE + H2_SUFFIX).toAbsolutePath().normalize();
    }

    /** The password setting, given inline, by file or by environment variable. */
    public Secret passwordSecret() {
        return new Secret("password", password, passwordFile, passwordEnv);
    }

    /** Problems with the values, each starting with its key (as {@link SinkConfig#problems()}). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (url != null && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            p.add("url: '" + url + "' is not a jdbc:h2: or jdbc:postgresql: URL");
        }
        p.addAll(passwordSecret().problems());
        if (retentionDays < 1 || retentionDays > 36_500) {
            p.add("retention_days: must be between 1 and 36500");
        }
        if (maxAlerts < 1 || maxAlerts > 100_000_000) {
            p.add("max_alerts: must be between 1 and 100000000");
        }
        if (queueCapacity < 1 || queueCapacity > 1_000_000) {
            p.add("queue_capacity: must be between 1 and 1000000");
        }
        return p;
    }
}
