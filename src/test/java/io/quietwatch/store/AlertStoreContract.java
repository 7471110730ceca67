package io.quietwatch.store;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.LogEvent;
import io.quietwatch.store.AlertStore.AlertQuery;
import io.quietwatch.store.AlertStore.StoredAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quietwatch.config.AlertStoreConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every database behind {@link JdbcAlertStore} must do: record, fold revisions, filter, count,
 * acknowledge once, expire, and keep rows across a restart. Subclasses say which database.
 */
abstract class AlertStoreContract {
    static final long T0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;

    /** A wall clock the test moves. */
    static final class StepClock extends Clock {
        long now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    final StepClock clock = new StepClock();
    JdbcAlertStore store;

    /** Where the database is; called once per store opened in a test. */
    abstract JdbcAlertStore.Target target();

    /** Leaves the database without the store's tables. */
    abstract void emptyDatabase() throws Exception;

    /**
     * A URL without credentials and a user and password the database accepts with it (on a new embedded
     * database, the first connection makes them its administrator's).
     */
    abstract JdbcAlertStore.Target credentialsTarget();

    JdbcAlertStore open(int retentionDays, long maxAlerts) {
        return new JdbcAlertStore(target(), retentionDays, maxAlerts, clock);
    }

    @BeforeEach
    void openStore() throws Exception {
        emptyDatabase();
        store = open(30, 100_000);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static Alert alert(String id, String detection, AlertSeverity severity, long ts, String host) {
        LogEvent evidence = LogEvent.builder().timestamp(ts).sourceIp(host).destinationIp("203.0.113.80")
                .destinationPort(443).build(io.quietwatch.event.InternalNetworks.of(io.quietwatch.event.InternalNetworks.DEFAULTS));
        return new Alert(id, detection, detection + "-rule", severity, detection + " on " + host, ts, ts - 60_000, ts, 1,
                host, "alice", "203.0.113.80", 443, "a reason with <b>markup</b> and 'quotes'", List.of(evidence),
                Map.of("durationSeconds", 7207), List.of("team=soc"), 0);
    }

    @Test
    void recordedAlertReadsBackWhole() {
        Alert a = alert("a1", "http-tunnel", AlertSeverity.MEDIUM, T0, "10.1.2.3");
        store.record(a);

        StoredAlert got = store.get("a1").orElseThrow();
        assertThat(got.alert()).isEqualTo(a);
        assertThat(got.acknowledged()).isFalse();
        assertThat(got.acknowledgedBy()).isNull();
        assertThat(store.get("nope")).isEmpty();
        assertThat(store.schemaVersion()).isEqualTo(AlertStoreSchema.VERSION);
    }

    @Test
    void laterRevisionsFoldIntoOneRowAndAnOlderOneDoesNotOverwrite() {
        Alert first = alert("inc", "http-tunnel", AlertSeverity.LOW, T0, "10.1.2.3");
        Alert second = first.folded(AlertSeverity.HIGH, T0 - 60_000, T0 + 3_600_000, 5, 1);
        store.record(first);
        store.record(second);
        store.record(first);

        assertThat(store.count(AlertQuery.latest(10))).isEqualTo(1);
        Alert held = store.get("inc").orElseThrow().alert();
        assertThat(held.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(held.count()).isEqualTo(5);
        assertThat(held.lastSeen()).isEqualTo(T0 + 3_600_000);
        assertThat(held.revision()).isEqualTo(1);
        assertThat(store.find(new AlertQuery(null, "high", null, null, null, 10))).hasSize(1);
    }

    @Test
    void filtersCombineAndNewestComesFirst() {
        store.record(alert("t1", "http-tunnel", AlertSeverity.LOW, T0, "10.1.2.3"));
        store.record(alert("t2", "http-tunnel", AlertSeverity.CRITICAL, T0 + 2000, "10.1.2.4"));
        store.record(alert("p1", "uncommon-port", AlertSeverity.MEDIUM, T0 + 1000, "10.1.2.3"));
        store.record(alert("n1", "nat-device", AlertSeverity.HIGH, T0 + 3000, null));

        assertThat(ids(store.find(AlertQuery.latest(10)))).containsExactly("n1", "t2", "p1", "t1");
        assertThat(ids(store.find(AlertQuery.latest(2)))).containsExactly("n1", "t2");
        assertThat(ids(store.find(new AlertQuery("http-tunnel", null, null, null, null, 10)))).containsExactly("t2", "t1");
        assertThat(ids(store.find(new AlertQuery(null, "medium", null, null, null, 10)))).containsExactly("n1", "t2", "p1");
        assertThat(ids(store.find(new AlertQuery(null, null, "10.1.2.3", null, null, 10)))).containsExactly("p1", "t1");
        assertThat(ids(store.find(new AlertQuery(null, null, null, null, T0 + 1000, 10)))).containsExactly("n1", "t2", "p1");
        assertThat(ids(store.find(new AlertQuery("http-tunnel", "high", "10.1.2.4", false, T0, 10)))).containsExactly("t2");
        assertThat(ids(store.find(new AlertQuery("http-tunnel", null, "10.1.2.3'; DROP TABLE qw_alerts; --", null, null, 10))))
                .isEmpty();
        assertThat(store.count(AlertQuery.latest(1))).isEqualTo(4);
        assertThat(store.count(new AlertQuery(null, "high", null, null, null, 1))).isEqualTo(2);
    }

    @Test
    void acknowledgingTwiceKeepsTheFirstAndSurvivesALaterRevision() {
        Alert a = alert("a1", "http-tunnel", AlertSeverity.LOW, T0, "10.1.2.3");
        store.record(a);
        store.record(alert("a2", "http-tunnel", AlertSeverity.LOW, T0, "10.1.2.3"));

        assertThat(store.acknowledge("a1", "alice", T0 + 10)).isTrue();
        assertThat(store.acknowledge("a1", "bob", T0 + 20)).isTrue();
        assertThat(store.acknowledge("missing", "bob", T0 + 20)).isFalse();
        store.record(a.folded(AlertSeverity.HIGH, a.firstSeen(), a.lastSeen() + 1, 2, 1));

        StoredAlert got = store.get("a1").orElseThrow();
        assertThat(got.acknowledged()).isTrue();
        assertThat(got.acknowledgedBy()).isEqualTo("alice");
        assertThat(got.acknowledgedAt()).isEqualTo(T0 + 10);
        assertThat(got.alert().severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(ids(store.find(new AlertQuery(null, null, null, true, null, 10)))).containsExactly("a1");
        assertThat(ids(store.find(new AlertQuery(null, null, null, false, null, 10)))).containsExactly("a2");
    }

    @Test
    void expireRemovesRowsPastTheRetentionThenTheOldestBeyondTheLimit() {
        store.close();
        store = open(2, 3);
        store.record(alert("old", "scan-trend", AlertSeverity.LOW, T0, "10.0.0.1"));
        clock.now = T0 + DAY;
        store.record(alert("kept-by-age", "scan-trend", AlertSeverity.LOW, T0, "10.0.0.2"));
        clock.now = T0 + 2 * DAY + 1;
        for (int i = 0; i < 4; i++) {
            store.record(alert("new" + i, "scan-trend", AlertSeverity.LOW, T0 + i, "10.0.0.3"));
            clock.now++;
        }
        // the first incident is refreshed by a revision: its age counts from the revision
        clock.now = T0 + 2 * DAY + 100;
        store.record(alert("new0", "scan-trend", AlertSeverity.LOW, T0, "10.0.0.3").folded(AlertSeverity.LOW, T0, T0, 2, 1));

        int gone = store.expire(clock.now);

        assertThat(gone).isEqualTo(3);
        assertThat(ids(store.find(AlertQuery.latest(10)))).containsExactlyInAnyOrder("new0", "new2", "new3");
        assertThat(store.expire(clock.now)).isZero();
    }

    @Test
    void rowsAndAcknowledgementsOutliveARestart() {
        store.record(alert("a1", "http-tunnel", AlertSeverity.LOW, T0, "10.1.2.3"));
        store.acknowledge("a1", "alice", T0 + 5);
        store.close();

        store = open(30, 100_000);
        StoredAlert got = store.get("a1").orElseThrow();
        assertThat(got.alert().hostIp()).isEqualTo("10.1.2.3");
        assertThat(got.acknowledgedBy()).isEqualTo("alice");
        assertThat(store.schemaVersion()).isEqualTo(AlertStoreSchema.VERSION);
    }

    @Test
    void theConfiguredUserAndPasswordFileReachTheDatabaseAndAWrongPasswordIsRefused(@org.junit.jupiter.api.io.TempDir Path home)
            throws Exception {
        JdbcAlertStore.Target t = credentialsTarget();
        Files.writeString(home.resolve("db.password"), t.password() + "\n");
        AlertStoreConfig config = new AlertStoreConfig(true, t.url(), t.user(), null, "db.password", null, null, null, null);
        try (JdbcAlertStore s = JdbcAlertStore.open(config, home, clock)) {
            s.record(alert("c1", "http-tunnel", AlertSeverity.LOW, T0, "10.1.2.3"));
            assertThat(s.get("c1")).isPresent();
        }
        Files.writeString(home.resolve("db.password"), "not-" + t.password());
        try (JdbcAlertStore s = JdbcAlertStore.open(config, home, clock)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.get("c1")).isInstanceOf(AlertStoreException.class)
                    .hasMessageContaining("cannot read alert c1").hasMessageNotContaining(t.password());
        }
    }

    @Test
    void aClosedStoreFailsWithItsOwnException() {
        store.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.record(alert("a", "x", AlertSeverity.LOW, T0, null)))
                .isInstanceOf(AlertStoreException.class).hasMessageContaining("cannot record alert a");
    }

    static List<String> ids(List<StoredAlert> found) {
        return found.stream().map(s -> s.alert().id()).toList();
    }
}
