package io.quietwatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert store in a relational database over JDBC: embedded H2 by default, PostgreSQL when the URL
 * says so. One row per incident id, holding the latest revision as JSON ({@link AlertJson}) beside the
 * columns the dashboard filters on. A small connection pool serves the writer thread and the readers;
 * the pool starts even when the database is down, and the schema is created or migrated on the first
 * connection that works, so a database outage at start delays storing but never the daemon.
 */
public final class JdbcAlertStore implements AlertStore {
    private static final long DAY = 86_400_000L;
    private static final String SELECT = "SELECT alert_json, acknowledged_at, acknowledged_by FROM qw_alerts";

    /**
     * Where the database is.
     *
     * @param url      JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql://...})
     * @param user     user, or null
     * @param password password, or null
     */
    public record Target(String url, String user, String password) {
        /** The URL with any {@code password=} parameter masked, and the user: safe for logs and messages. */
        @Override
        public String toString() {
            return url.replaceAll("(?i)(password=)[^&;]*", "$1****") + (user == null ? "" : " as " + user);
        }
    }

    private final HikariDataSource pool;
    private final Target target;
    private final Clock clock;
    private final long retentionMillis;
    private final long maxAlerts;
    private volatile boolean migrated;

    /**
     * @param target        where the database is and who to be
     * @param retentionDays rows whose latest revision was stored longer ago are removed by {@link #expire}
     * @param maxAlerts     rows kept at most by {@link #expire}, the least recently stored removed first
     * @param clock         wall clock for the time a revision is stored
     */
    public JdbcAlertStore(Target target, int retentionDays, long maxAlerts, Clock clock) {
        this.target = target;
        this.clock = clock;
        this.retentionMillis = retentionDays * DAY;
        this.maxAlerts = maxAlerts;
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("quietwatch-alert-store");
        hc.setJdbcUrl(target.url());
        hc.setUsername(target.user());
        hc.setPassword(target.password());
        hc.setMaximumPoolSize(3);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(5_000);
        hc.setValidationTimeout(2_000);
        // start now, connect once the database answers: an outage must not keep alerts from the sinks
        hc.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(hc);
    }

    /**
     * The store {@code alert_store:} describes, with its password read now (from the file or environment
     * variable named).
     *
     * @throws IllegalArgumentException naming the setting when the password cannot be read
     */
    public static JdbcAlertStore open(io.quietwatch.config.AlertStoreConfig config, java.nio.file.Path home, Clock clock) {
        List<String> problems = new ArrayList<>();
        String password = config.passwordSecret().resolve(io.quietwatch.alert.sink.http.SecretSource.system(home), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("alert_store." + String.join("; alert_store.", problems));
        }
        return new JdbcAlertStore(new Target(config.jdbcUrl(home), config.user(), password), config.retentionDays(),
                config.maxAlerts(), clock);
    }

    /** What this store is connected to (no password), for log lines. */
    public Target target() {
        return target;
    }

    @Override
    public void record(Alert a) {
        String json = AlertJson.toJson(a);
        long now = clock.millis();
        run("record alert " + a.id(), c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE qw_alerts SET detection = ?, severity_rank = ?, host_ip = ?, "
                    + "ts = ?, first_seen = ?, last_seen = ?, alert_count = ?, revision = ?, stored_at = ?, alert_json = ? "
                    + "WHERE id = ? AND revision <= ?")) {
                bindRow(u, a, now, json);
                u.setString(11, a.id());
                u.setInt(12, a.revision());
                if (u.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO qw_alerts (detection, severity_rank, host_ip, ts, "
                    + "first_seen, last_seen, alert_count, revision, stored_at, alert_json, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindRow(i, a, now, json);
                i.setString(11, a.id());
                i.executeUpdate();
            } catch (SQLException e) {
                // the id is there with a later revision (the update matched nothing): that one stays
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Binds parameters 1 to 10: detection up to alert_json, in the column order both statements use. */
    private static void bindRow(PreparedStatement s, Alert a, long now, String json) throws SQLException {
        s.setString(1, a.detection());
        s.setInt(2, a.severity().rank());
        s.setString(3, a.hostIp());
        s.setLong(4, a.timestamp());
        s.setLong(5, a.firstSeen());
        s.setLong(6, a.lastSeen());
        s.setLong(7, a.count());
        s.setInt(8, a.revision());
        s.setLong(9, now);
        s.setString(10, json);
    }

    @Override
    public List<StoredAlert> find(AlertQuery q) {
        Where w = Where.of(q);
        return run("find alerts", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + w.sql()
                    + " ORDER BY ts DESC, id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                int n = w.bind(s);
                s.setInt(n, q.limit());
                List<StoredAlert> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(stored(r));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long count(AlertQuery q) {
        Where w = Where.of(q);
        return run("count alerts", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM qw_alerts" + w.sql())) {
                w.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<StoredAlert> get(String id) {
        return run("read alert " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(stored(r)) : Optional.<StoredAlert>empty();
                }
            }
        });
    }

    private static StoredAlert stored(ResultSet r) throws SQLException {
        long at = r.getLong(2);
        Long ackAt = r.wasNull() ? null : at;
        return new StoredAlert(AlertJson.read(r.getString(1)), ackAt, r.getString(3));
    }

    @Override
    public boolean acknowledge(String id, String user, long atMillis) {
        return run("acknowledge alert " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE qw_alerts SET acknowledged = TRUE, acknowledged_at = ?, "
                    + "acknowledged_by = ? WHERE id = ? AND acknowledged = FALSE")) {
                s.setLong(1, atMillis);
                s.setString(2, user);
                s.setString(3, id);
                if (s.executeUpdate() > 0) {
                    return true;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM qw_alerts WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Removes rows stored longer ago than the retention, then the least recently stored ones beyond {@code max_alerts}. */
    @Override
    public int expire(long nowMillis) {
        return run("expire alerts", c -> {
            int gone;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM qw_alerts WHERE stored_at < ?")) {
                s.setLong(1, nowMillis - retentionMillis);
                gone = s.executeUpdate();
            }
            // the last row to keep, in (stored_at, id) order, newest first; everything after it goes
            try (PreparedStatement s = c.prepareStatement("SELECT stored_at, id FROM qw_alerts "
                    + "ORDER BY stored_at DESC, id DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                s.setLong(1, maxAlerts - 1);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return gone;
                    }
                    try (PreparedStatement d = c.prepareStatement(
                            "DELETE FROM qw_alerts WHERE stored_at < ? OR (stored_at = ? AND id < ?)")) {
                        d.setLong(1, r.getLong(1));
                        d.setLong(2, r.getLong(1));
                        d.setString(3, r.getString(2));
                        return gone + d.executeUpdate();
                    }
                }
            }
        });
    }

    /** The schema version of the database (migrating it first if needed). */
    int schemaVersion() {
        return run("read the schema version", AlertStoreSchema::current);
    }

    @Override
    public void close() {
        pool.close();
    }

    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            if (!migrated) {
                migrate(c);
            }
            return work.on(c);
        } catch (SQLException | RuntimeException e) {
            throw new AlertStoreException("alert store " + target + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private synchronized void migrate(Connection c) throws SQLException {
        if (!migrated) {
            AlertStoreSchema.migrate(c);
            migrated = true;
        }
    }
}
