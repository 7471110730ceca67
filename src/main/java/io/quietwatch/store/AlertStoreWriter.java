package io.quietwatch.store;

import io.quietwatch.alert.Alert;
import io.quietwatch.ingest.LogThrottle;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Records alerts in an {@link AlertStore} on its own thread, so the pipeline thread never waits for a
 * database. {@link #accept} only queues: when the bounded queue is full the alert is dropped from the
 * store (the sinks still get it) and counted. The same thread applies the retention every
 * {@code maintenanceMillis} and refreshes the row count. Database failures are counted and logged at
 * most once a minute; they never reach the caller.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #accept} from any thread, {@link #close()} (writes what is
 * queued, for up to the given time, then stops the thread; the store itself is closed by its owner).
 */
public final class AlertStoreWriter implements Consumer<Alert>, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(AlertStoreWriter.class);
    private static final Alert STOP = new Alert("stop", "stop", null, io.quietwatch.alert.AlertSeverity.LOW, null,
            0, 0, 0, 0, null, null, null, null, null, null, null);

    private final AlertStore store;
    private final BlockingQueue<Alert> queue;
    private final Clock clock;
    private final long maintenanceMillis;
    private final Thread thread;
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final AtomicLong rows = new AtomicLong(-1);
    private long nextMaintenance;
    private final LogThrottle errorLog = LogThrottle.perMinute(1);
    private volatile boolean closing;

    /**
     * @param store             where alerts go
     * @param capacity          alerts queued at most
     * @param maintenanceMillis how often retention runs and the row count is refreshed
     * @param clock             wall clock for the retention
     */
    public AlertStoreWriter(AlertStore store, int capacity, long maintenanceMillis, Clock clock) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maintenanceMillis = maintenanceMillis;
        this.clock = clock;
        this.thread = new Thread(this::run, "quietwatch-alert-store");
        thread.setDaemon(true);
    }

    /** Starts the writer thread; retention runs first. */
    public AlertStoreWriter start() {
        thread.start();
        return this;
    }

    /** Queues the alert for the store, or drops and counts it when the queue is full or the writer closed. */
    @Override
    public void accept(Alert alert) {
        if (closing || !queue.offer(alert)) {
            dropped.increment();
        }
    }

    private void run() {
        while (true) {
            Alert a;
            try {
                maintain();
                a = queue.poll(Math.max(1, nextMaintenance - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (a == STOP) {
                return;
            }
            if (a != null) {
                write(a);
            }
        }
    }

    private void write(Alert a) {
        try {
            store.record(a);
            written.increment();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void maintain() {
        long now = clock.millis();
        if (now < nextMaintenance) {
            return;
        }
        nextMaintenance = now + maintenanceMillis;
        try {
            int gone = store.expire(now);
            expired.add(gone);
            if (gone > 0) {
                LOG.info("Alert store: removed {} alerts past the retention or the row limit", gone);
            }
            rows.set(store.count(AlertStore.AlertQuery.latest(1)));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        errors.increment();
        long unlogged = errorLog.acquire();
        if (unlogged < 0) {
            return;
        }
        LOG.warn("Alert store failed ({} more failures not logged since the last message); alerting goes on: {}",
                unlogged, e.getMessage());
    }

    /**
     * The counters for {@code /stats}: {@code alert_store_written}, {@code _dropped}, {@code _errors},
     * {@code _expired}, {@code _queued} and {@code _rows} (-1 until first counted).
     */
    public Map<String, Object> counters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alert_store_written", written.sum());
        m.put("alert_store_dropped", dropped.sum());
        m.put("alert_store_errors", errors.sum());
        m.put("alert_store_expired", expired.sum());
        m.put("alert_store_queued", (long) queue.size());
        m.put("alert_store_rows", rows.get());
        return m;
    }

    /** Writes what is queued for up to {@code waitMillis}, then stops the thread. */
    public void close(long waitMillis) {
        closing = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        try {
            if (thread.isAlive() && queue.offer(STOP, waitMillis, TimeUnit.MILLISECONDS)) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        queue.remove(STOP);
        dropped.add(queue.size());
        queue.clear();
    }

    @Override
    public void close() {
        close(10_000);
    }
}
