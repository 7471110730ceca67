package io.quietwatch.alert.outbox;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.config.OutboxConfig;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The durable outbox between the alert router and the sinks. Every alert is appended to disk and
 * fsync'd (in batches, by a writer thread) before any sink sees it; each sink then takes the alerts on
 * its own thread ({@link SinkWorker}) with its own cursor, so a sink that is down or slow holds up
 * nobody: not the engine, not the other sinks. Delivery is at least once: after a crash or restart a
 * sink resumes at its cursor, and receivers drop repeats by the alert's delivery key.
 */
public final class Outbox implements Consumer<Alert>, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Outbox.class);
    private static final int QUEUE = 100_000;
    private static final int RING = 50_000;

    private final Path dir;
    private final OutboxLog log;
    private final DeliveryLog deliveries;
    private final Routes routes;
    private final BlockingQueue<OutboxRecord> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ConcurrentSkipListMap<Long, OutboxRecord> ring = new ConcurrentSkipListMap<>();
    private final AtomicLong nextSeq;
    private final Object durableChanged = new Object();
    private volatile long durableSeq;
    private final List<SinkWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Thread writer;
    private volatile boolean closing;

    public Outbox(Path dir, OutboxConfig config, List<AlertSink> sinks, Routes routes, Clock clock) throws IOException {
        this.dir = dir;
        this.log = new OutboxLog(dir, config.segmentMb() * 1024L * 1024L);
        this.deliveries = new DeliveryLog(dir.resolve("deliveries.log"));
        this.routes = routes;
        this.nextSeq = new AtomicLong(log.lastSeq());
        this.durableSeq = log.lastSeq();
        for (AlertSink s : sinks) {
            workers.add(new SinkWorker(s, this, dir, clock, config.maxAttempts(), config.retryInitialSeconds() * 1000L,
                    config.retryMaxSeconds() * 1000L));
        }
        writer = new Thread(this::write, "quietwatch-outbox-writer");
    }

    /** Starts the writer and one delivery thread per sink. */
    public void start() {
        writer.start();
        for (SinkWorker w : workers) {
            Thread t = new Thread(w, "quietwatch-sink-" + w.name());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long pending = workers.stream().mapToLong(w -> durableSeq - w.cursor()).sum();
        LOG.info("Outbox {}: {} alerts on disk, {} pending deliveries", dir, durableSeq, pending);
    }

    /** Appends an alert for the sinks its routes name (blocks only if the disk falls far behind). */
    @Override
    public void accept(Alert alert) {
        OutboxRecord r = new OutboxRecord(nextSeq.incrementAndGet(), routes.sinksFor(alert), alert);
        try {
            queue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Outbox: interrupted while appending alert {}", alert.id());
        }
    }

    private void write() {
        List<OutboxRecord> batch = new ArrayList<>(1024);
        long lastCleanup = System.nanoTime();
        while (true) {
            try {
                if (queue.drainTo(batch, 1024) == 0) {
                    if (closing) {
                        break;
                    }
                    OutboxRecord r = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (r == null) {
                        if (System.nanoTime() - lastCleanup > 10_000_000_000L) {
                            cleanup();
                            lastCleanup = System.nanoTime();
                        }
                        continue;
                    }
                    batch.add(r);
                }
                for (OutboxRecord r : batch) {
                    log.append(r);
                }
                log.force();
                for (OutboxRecord r : batch) {
                    ring.put(r.seq(), r);
                }
                durableSeq = batch.get(batch.size() - 1).seq();
                synchronized (durableChanged) {
                    durableChanged.notifyAll();
                }
                batch.clear();
                trimRing();
            } catch (InterruptedException e) {
                closing = true;
            } catch (IOException e) {
                // the batch stays queued in memory and is tried again; nothing is handed to sinks undurable
                LOG.error("Outbox: cannot write to {}: {}; retrying", dir, e.toString());
                sleepQuietly(1000);
            }
        }
    }

    /**
     * Up to {@code max} durable records after {@code seq}, waiting up to {@code waitMillis} for one.
     */
    List<OutboxRecord> recordsAfter(long seq, int max, long waitMillis) throws InterruptedException {
        if (durableSeq <= seq) {
            synchronized (durableChanged) {
                if (durableSeq <= seq) {
                    durableChanged.wait(waitMillis);
                }
            }
        }
        long durable = durableSeq;
        if (durable <= seq) {
            return List.of();
        }
        ConcurrentNavigableMap<Long, OutboxRecord> tail = ring.tailMap(seq + 1);
        if (!tail.isEmpty() && tail.firstKey() == seq + 1) {
            List<OutboxRecord> out = new ArrayList<>();
            for (OutboxRecord r : tail.values()) {
                if (r.seq() > durable || out.size() >= max) {
                    break;
                }
                out.add(r);
            }
            return out;
        }
        try {
            List<OutboxRecord> fromDisk = log.read(seq + 1, max);
            fromDisk.removeIf(r -> r.seq() > durable);
            return fromDisk;
        } catch (IOException e) {
            LOG.error("Outbox: cannot read {}: {}", dir, e.toString());
            Thread.sleep(1000);
            return List.of();
        }
    }

    long lastDurableSeq() {
        return durableSeq;
    }

    DeliveryLog deliveryLog() {
        return deliveries;
    }

    private void trimRing() {
        while (ring.size() > RING) {
            ring.pollFirstEntry();
        }
        long min = minCursor();
        while (!ring.isEmpty() && ring.firstKey() <= min) {
            ring.pollFirstEntry();
        }
    }

    private long minCursor() {
        long min = durableSeq;
        for (SinkWorker w : workers) {
            min = Math.min(min, w.cursor());
        }
        return min;
    }

    private void cleanup() {
        try {
            log.deleteThrough(minCursor());
        } catch (IOException e) {
            LOG.warn("Outbox: cannot delete delivered segments: {}", e.toString());
        }
    }

    /** Per sink: cursor, pending, delivered, failed attempts, dead-lettered, healthy, last error. */
    public Map<String, Map<String, Object>> stats() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (SinkWorker w : workers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cursor", w.cursor());
            m.put("pending", Math.max(0, nextSeq.get() - w.cursor()));
            m.put("delivered", w.delivered.sum());
            m.put("failed_attempts", w.failedAttempts.sum());
            m.put("dead_lettered", w.deadLettered.sum());
            m.put("healthy", w.healthy());
            m.put("last_error", w.lastError());
            out.put(w.name(), m);
        }
        return out;
    }

    /** Alerts appended since start (including those not yet durable). */
    public long appended() {
        return nextSeq.get();
    }

    /**
     * Writes what is queued, then stops the delivery threads (an attempt in progress finishes; a sink
     * waiting to retry stops waiting) and saves their cursors. Undelivered alerts stay on disk.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(SinkWorker::stop);
        synchronized (durableChanged) {
            durableChanged.notifyAll();
        }
        for (Thread t : threads) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            log.close();
            deliveries.close();
        } catch (IOException e) {
            LOG.warn("Outbox: closing {}: {}", dir, e.toString());
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
