package io.quietwatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the alert store's tables. {@code qw_schema_version} holds one row per applied step;
 * a start applies the steps above the highest one, each in its own transaction, so an older database is
 * brought up to date and a current one is left alone. The version is the table's key: if two daemons
 * migrate the same PostgreSQL database at once, the second one's step fails and is retried later.
 */
final class AlertStoreSchema {
    /** The steps, oldest first; step N (1-based) brings the schema to version N. Never edit a shipped step. */
    private static final List<List<String>> STEPS = List.of(List.of(
            """
            CREATE TABLE IF NOT EXISTS qw_alerts (
              id VARCHAR(200) NOT NULL PRIMARY KEY,
              detection VARCHAR(200) NOT NULL,
              severity_rank SMALLINT NOT NULL,
              host_ip VARCHAR(100),
              ts BIGINT NOT NULL,
              first_seen BIGINT NOT NULL,
              last_seen BIGINT NOT NULL,
              alert_count BIGINT NOT NULL,
              revision INTEGER NOT NULL,
              stored_at BIGINT NOT NULL,
              acknowledged BOOLEAN DEFAULT FALSE NOT NULL,
              acknowledged_at BIGINT,
              acknowledged_by VARCHAR(200),
              alert_json %s NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS qw_alerts_ts ON qw_alerts (ts)",
            "CREATE INDEX IF NOT EXISTS qw_alerts_detection_ts ON qw_alerts (detection, ts)",
            "CREATE INDEX IF NOT EXISTS qw_alerts_host_ip ON qw_alerts (host_ip)",
            "CREATE INDEX IF NOT EXISTS qw_alerts_severity ON qw_alerts (severity_rank)",
            "CREATE INDEX IF NOT EXISTS qw_alerts_acknowledged ON qw_alerts (acknowledged)",
            "CREATE INDEX IF NOT EXISTS qw_alerts_stored_at ON qw_alerts (stored_at)"));

    /** The schema version this code reads and writes. */
    static final int VERSION = STEPS.size();

    private AlertStoreSchema() {
    }

    /** Brings the database to {@link #VERSION}. */
    static void migrate(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        String text = postgres ? "TEXT" : "CHARACTER LARGE OBJECT";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS qw_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
        }
        int from = current(c);
        if (from > VERSION) {
            throw new SQLException("the alert store's schema is version " + from + ", newer than this QuietWatch reads ("
                    + VERSION + ")");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = from + 1; v <= VERSION; v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : STEPS.get(v - 1)) {
                        s.execute(sql.formatted(text));
                    }
                    s.execute("INSERT INTO qw_schema_version (version, applied_at) VALUES (" + v + ", "
                            + System.currentTimeMillis() + ")");
                }
                c.commit();
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The highest applied step, 0 for a new database. */
    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM qw_schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
