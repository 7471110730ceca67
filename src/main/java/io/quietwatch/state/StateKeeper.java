package io.quietwatch.state;

import io.quietwatch.alert.AlertRouter;
import io.quietwatch.engine.EngineState;
import io.quietwatch.engine.RuleEngine;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *       single-threaded), one rule file's tables at a time with events in between, and written to disk on this
 *       keeper's own thread, so ingestion waits only for the copy of one file's tables at a time;</li>
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
     * @param copyMillis     time the engine thread spent copying the state, over all parts
     * @param pauseMillis    the longest part: the longest ingestion waited
     * @param writeMillis    time spent writing and syncing the file
     */
    public record Written(long takenAt, long bytes, long rows, int tables, long copyMillis, long pauseMillis, long writeMillis) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", Instant.ofEpochMilli(takenAt).toString());
            m.put("size_bytes", bytes);
            m.put("rows", rows);
            m.put("tables", tables);
            m.put("copy_millis", copyMillis);
            m.put("longest_pause_millis", pauseMillis);
            m.put("write_millis", writeMillis);
            return m;
        }
    }

    private final SnapshotFile file;
    private final String display;
    private final long intervalMillis;
    private final Clock clock;
    private final Capture capture;
    private ScheduledExecutorService timer;
    private volatile Written last;
    private volatile String restored = "nothing: no snapshot";
    private volatile String lastError;

    /**
     * @param path           the snapshot file
     * @param display        how the file is named in logs and {@code status}
     * @param intervalMillis how often to take a snapshot while running
     * @param capture        copies the engine's and the router's state, part by part on the engine thread
     */
    public StateKeeper(Path path, String display, long intervalMillis, Clock clock, Capture capture) {
        this.file = new SnapshotFile(path);
        this.display = display;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.capture = capture;
    }

    /** Runs one part of a capture on the engine thread and returns its result. */
    public interface EngineThread {
        <T> T call(Supplier<T> part) throws Exception;
    }

    /** Copies the state to snapshot, each part through {@link EngineThread}; null to give up this time. */
    public interface Capture {
        Snapshot take(EngineThread thread) throws Exception;
    }

    /** The capture of a daemon's engine and router: each rule file's tables, then the rest. */
    public static Capture of(RuleEngine engine, AlertRouter router, Clock clock) {
        return thread -> {
            List<EngineState.Table> tables = new ArrayList<>();
            for (Supplier<List<EngineState.Table>> step : thread.call(engine::exportSteps)) {
                List<EngineState.Table> part = thread.call(step);
                if (part == null) {
                    return null;
                }
                tables.addAll(part);
            }
            return thread.call(() -> new Snapshot(clock.millis(), engine.exportState(tables), router.memory()));
        };
    }

    /** Runs one part somewhere (e.g. on the engine thread) and returns its result. */
    private interface PartRunner {
        Object run(Supplier<Object> part) throws Exception;
    }

    /** Times each part it runs through {@code run}. */
    private static final class Timed implements EngineThread {
        private final PartRunner run;
        long total;
        long longest;

        Timed(PartRunner run) {
            this.run = run;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T call(Supplier<T> part) throws Exception {
            return (T) run.run(() -> {
                long t0 = System.nanoTime();
                try {
                    return part.get();
                } finally {
                    long took = (System.nanoTime() - t0) / 1_000_000;
                    total += took;
                    longest = Math.max(longest, took);
                }
            });
        }
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
    public void start(Function<Supplier<Object>, CompletableFuture<Object>> onEngineThread) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quietwatch-snapshot");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            Timed thread = new Timed(part -> {
                try {
                    return onEngineThread.apply(part).get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
                }
            });
            try {
                Snapshot s = capture.take(thread);
                if (s == null) {
                    LOG.info("State snapshot skipped: the rules were reloaded while it was copied; the next one follows");
                    return;
                }
                write(s, thread);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                lastError = e.toString();
                LOG.error("State snapshot to {} failed, the previous one stays: {}", display, e.toString());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Copies the state on the calling thread (which must be the engine's, or the engine idle) and writes it. */
    public Written snapshotNow() throws Exception {
        Timed thread = new Timed(Supplier::get);
        return write(capture.take(thread), thread);
    }

    /** One writer at a time: a periodic snapshot held up past {@link #close} must not race the one at stop. */
    private synchronized Written write(Snapshot s, Timed copy) throws IOException {
        long t0 = System.nanoTime();
        long bytes = file.write(s);
        long writeMillis = (System.nanoTime() - t0) / 1_000_000;
        int tables = (int) s.engine().tables().stream().filter(SnapshotJson::writable).count();
        Written w = new Written(s.takenAt(), bytes, s.rows(), tables, copy.total, copy.longest, writeMillis);
        last = w;
        lastError = null;
        LOG.debug("State snapshot written to {}: {} bytes, {} rows, copied in {} ms (longest pause {} ms), written in {} ms",
                display, bytes, w.rows(), copy.total, copy.longest, writeMillis);
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
