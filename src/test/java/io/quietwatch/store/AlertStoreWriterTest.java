package io.quietwatch.store;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.quietwatch.store.AlertStoreContract.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The writer thread in front of the store: it never blocks or throws at the caller, and counts what it could not store. */
class AlertStoreWriterTest {
    private static final long T0 = AlertStoreContract.T0;

    @TempDir
    Path dir;

    private JdbcAlertStore h2(int maxAlerts) {
        return new JdbcAlertStore(new JdbcAlertStore.Target("jdbc:h2:file:" + dir.resolve("alerts-db"), null, null), 30,
                maxAlerts, Clock.systemUTC());
    }

    @Test
    void writesEveryAlertAndAppliesTheRowLimitOnItsOwnThread() {
        try (JdbcAlertStore store = h2(2); AlertStoreWriter writer = new AlertStoreWriter(store, 100, 50, Clock.systemUTC()).start()) {
            for (int i = 0; i < 3; i++) {
                writer.accept(alert("a" + i, "uncommon-port", AlertSeverity.LOW, T0 + i, "10.0.0." + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) writer.counters().get("alert_store_expired") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) writer.counters().get("alert_store_rows") == 2);
            assertThat(writer.counters()).containsEntry("alert_store_written", 3L).containsEntry("alert_store_dropped", 0L)
                    .containsEntry("alert_store_errors", 0L);
            assertThat(store.count(AlertStore.AlertQuery.latest(10))).isEqualTo(2);
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SlowStore slow = new SlowStore(entered, release);
        AlertStoreWriter writer = new AlertStoreWriter(slow, 1, 60_000, Clock.systemUTC()).start();
        writer.accept(alert("a0", "x", AlertSeverity.LOW, T0, null));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        writer.accept(alert("a1", "x", AlertSeverity.LOW, T0, null));
        writer.accept(alert("a2", "x", AlertSeverity.LOW, T0, null));

        assertThat(writer.counters()).containsEntry("alert_store_dropped", 1L).containsEntry("alert_store_queued", 1L);
        release.countDown();
        writer.close(10_000);
        assertThat(writer.counters()).containsEntry("alert_store_written", 2L).containsEntry("alert_store_dropped", 1L);
        assertThat(slow.recorded).containsExactly("a0", "a1");
    }

    @Test
    void databaseFailuresAreCountedAndNeverReachTheCaller() {
        JdbcAlertStore store = h2(100);
        store.close();
        try (AlertStoreWriter writer = new AlertStoreWriter(store, 10, 60_000, Clock.systemUTC()).start()) {
            writer.accept(alert("a0", "x", AlertSeverity.LOW, T0, null));
            writer.accept(alert("a1", "x", AlertSeverity.LOW, T0, null));
            // the first maintenance run fails too
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) writer.counters().get("alert_store_errors") == 3);
            assertThat(writer.counters()).containsEntry("alert_store_written", 0L).containsEntry("alert_store_rows", -1L);
        }
    }

    /** A store whose first write waits for the test. */
    private static final class SlowStore implements AlertStore {
        final List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch entered;
        private final CountDownLatch release;

        SlowStore(CountDownLatch entered, CountDownLatch release) {
            this.entered = entered;
            this.release = release;
        }

        @Override
        public void record(Alert alert) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recorded.add(alert.id());
        }

        @Override
        public List<StoredAlert> find(AlertQuery query) {
            return List.of();
        }

        @Override
        public long count(AlertQuery query) {
            return recorded.size();
        }

        @Override
        public Optional<StoredAlert> get(String id) {
            return Optional.empty();
        }

        @Override
        public boolean acknowledge(String id, String user, long atMillis) {
            return false;
        }

        @Override
        public int expire(long nowMillis) {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
