package io.quietwatch.state;

import io.quietwatch.alert.AlertRouter;
import io.quietwatch.engine.RuleEngine;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps what the rules have learnt across restarts. Its lifecycle, driven by the daemon:
 * <ol>
 *   <li>{@link #restore} once the rules are deployed and before any event: the latest snapshot goes back into
 *       the engine and the alert router; a snapshot that cannot be read is moved aside and the daemon starts
 *       empty;</li>
 *   <li>{@link #start}: every interval, the state is copied on the engine's thread (the engine is
 *       single-threaded) and written to disk on this keeper's own thread, so ingestion waits only for the copy;</li>
 *   <li>{@link #close}: after the pipeline has drained, a last snapshot, so a clean stop loses nothing.</li>
 * </ol>
 */
public final class StateKeeper implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(StateKeeper.class);

    /**
     * The last snapshot written.
     *
     * @param takenAt        wall-clock time, epoch millis
     * @param bytes          size of the file
     * @param rows           rows of tables, router incidents and active hosts
     * @param tables         tables written
     * @param copyMillis     time the engine thread spent copying the state
     * @param writeMillis    time spent writing and syncing the file
     */
    public record Written(long takenAt, long bytes, long rows, int tables, long copyMillis, long writeMillis) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", Instant.ofEpochMilli(takenAt).toString());
            m.put("size_bytes", bytes);
            m.put("rows", rows);
            m.put("tables", tables);
            m.put("copy_millis", copyMillis);
            m.put("write_millis", writeMillis);
            return m;
        }
    }

    private final SnapshotFile file;
    private final String display;
    private final long intervalMillis;
    private final Clock clock;
    private final Supplier<Snapshot> capture;
    private ScheduledExecutorService timer;
    private volatile Written last;
    private volatile String restored = "nothing: no snapshot";
    private volatile String lastError;

    /**
     * @param path           the snapshot file
     * @param display        how the file is named in logs and {@code status}
     * @param intervalMillis how often to take a snapshot while running
     * @param capture        copies the engine's and the router's state; must run on the engine thread
     */
    public StateKeeper(Path path, String display, long intervalMillis, Clock clock, Supplier<Snapshot> capture) {
        this.file = new SnapshotFile(path);
        this.display = display;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.capture = capture;
    }

    /** The capture of a daemon's engine and router. */
    public static Supplier<Snapshot> of(RuleEngine engine, AlertRouter router, Clock clock) {
        return () -> new Snapshot(clock.millis(), engine.exportState(), router.memory());
    }

    /**
     * Puts the latest snapshot back into {@code engine} (started, no event yet) and {@code router}. A file
     * that cannot be read is renamed aside and logged; the engine then starts empty.
     */
    public void restore(RuleEngine engine, AlertRouter router) {
        long t0 = System.nanoTime();
        Optional<Snapshot> s;
        try {
            s = file.read();
        } catch (SnapshotFormatException e) {
            String aside;
            try {
                aside = "moved aside to " + file.moveAside(clock.millis());
            } catch (IOException m) {
                aside = "could not be moved aside (" + m.getMessage() + ")";
            }
            restored = "nothing: the snapshot was unreadable";
            LOG.error("State snapshot {} cannot be read ({}); it was {}; starting with empty state", display, e.getMessage(), aside);
            return;
        }
        if (s.isEmpty()) {
            LOG.info("No state snapshot at {}: starting with empty state", display);
            return;
        }
        Snapshot snap = s.get();
        engine.restoreState(snap.engine());
        router.restore(snap.router());
        restored = Instant.ofEpochMilli(snap.takenAt()) + ": " + snap.rows() + " rows";
        LOG.info("Restored the state snapshot {} taken at {}: {} rows of {} tables, {} open incidents, {} active hosts, "
                        + "engine time {}, in {} ms", display, Instant.ofEpochMilli(snap.takenAt()), snap.engine().rowCount(),
                snap.engine().tables().size(), snap.router().incidents().size(), snap.engine().activeHosts().size(),
                Instant.ofEpochMilli(snap.engine().engineTime()), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Takes a snapshot every interval, copying the state through {@code onEngineThread} (e.g. the pipeline's
     * {@code submit}).
     */
    public void start(Function<Supplier<Snapshot>, CompletableFuture<Snapshot>> onEngineThread) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quietwatch-snapshot");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            long[] copy = new long[1];
            try {
                Snapshot s = onEngineThread.apply(() -> timed(copy)).get(60, TimeUnit.SECONDS);
                write(s, copy[0]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                lastError = e.toString();
                LOG.error("State snapshot to {} failed, the previous one stays: {}", display, e.toString());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private Snapshot timed(long[] millis) {
        long t0 = System.nanoTime();
        Snapshot s = capture.get();
        millis[0] = (System.nanoTime() - t0) / 1_000_000;
        return s;
    }

    /** Copies the state on the calling thread (which must be the engine's, or the engine idle) and writes it. */
    public Written snapshotNow() throws IOException {
        long[] copy = new long[1];
        return write(timed(copy), copy[0]);
    }

    /** One writer at a time: a periodic snapshot held up past {@link #close} must not race the one at stop. */
    private synchronized Written write(Snapshot s, long copyMillis) throws IOException {
        long t0 = System.nanoTime();
        long bytes = file.write(s);
        long writeMillis = (System.nanoTime() - t0) / 1_000_000;
        int tables = (int) s.engine().tables().stream().filter(SnapshotJson::writable).count();
        Written w = new Written(s.takenAt(), bytes, s.rows(), tables, copyMillis, writeMillis);
        last = w;
        lastError = null;
        LOG.debug("State snapshot written to {}: {} bytes, {} rows, copied in {} ms, written in {} ms", display, bytes, w.rows(),
                copyMillis, writeMillis);
        return w;
    }

    /** The last snapshot written, or null. */
    public Written last() {
        return last;
    }

    /** For {@code status}: the file, the interval, the last snapshot written, what was restored at start. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", display);
        m.put("snapshot_interval_seconds", intervalMillis / 1000);
        Written w = last;
        m.put("last_snapshot", w == null ? null : w.toMap());
        m.put("restored", restored);
        if (lastError != null) {
            m.put("last_error", lastError);
        }
        return m;
    }

    /** Stops the periodic snapshots, waiting for one being written. The daemon then calls {@link #snapshotNow}. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
