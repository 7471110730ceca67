package io.quietwatch.alert.outbox;

import io.quietwatch.alert.AlertSink;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivers the outbox to one sink, in order, on its own thread: waits for the next durable record, makes
 * attempts with exponential backoff and jitter (or the peer's Retry-After), and after
 * {@code maxAttempts} failures, or a rejection, writes the alert to {@code <sink>.dead.jsonl} and goes on.
 * Its position is the cursor file {@code <sink>.cursor}; after a restart it resumes there (at-least-once).
 * Alerts put back by {@code bin/quietwatch outbox --redeliver} ({@code <sink>.retry.jsonl}) are delivered
 * when the sink has caught up.
 */
final class SinkWorker implements Runnable {
    private static final Logger LOG = LogManager.getLogger(SinkWorker.class);
    private static final long CURSOR_SAVE_MILLIS = 200;

    private final AlertSink sink;
    private final Outbox outbox;
    private final Path dir;
    private final Clock clock;
    private final int maxAttempts;
    private final long initialDelay;
    private final long maxDelay;
    private final AtomicLong cursor = new AtomicLong();
    final LongAdder delivered = new LongAdder();
    final LongAdder failedAttempts = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    private volatile boolean stopping;
    private volatile boolean healthy = true;
    private volatile String lastError = "";
    private long savedCursor = -1;
    private long lastSave;

    SinkWorker(AlertSink sink, Outbox outbox, Path dir, Clock clock, int maxAttempts, long initialDelay, long maxDelay)
            throws IOException {
        this.sink = sink;
        this.outbox = outbox;
        this.dir = dir;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        // a sink new to this outbox starts with the next alert; one that has a cursor resumes there
        Path c = cursorFile(dir, sink.name());
        cursor.set(Files.exists(c) ? Long.parseLong(Files.readString(c).strip()) : outbox.lastDurableSeq());
        saveCursor(true);
    }

    static Path cursorFile(Path dir, String sink) {
        return dir.resolve(sink + ".cursor");
    }

    static Path deadFile(Path dir, String sink) {
        return dir.resolve(sink + ".dead.jsonl");
    }

    static Path retryFile(Path dir, String sink) {
        return dir.resolve(sink + ".retry.jsonl");
    }

    String name() {
        return sink.name();
    }

    /** Last record handled (delivered, skipped or dead-lettered). */
    long cursor() {
        return cursor.get();
    }

    boolean healthy() {
        return healthy;
    }

    String lastError() {
        return lastError;
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                List<OutboxRecord> next = outbox.recordsAfter(cursor.get(), 256, 1000);
                if (next.isEmpty()) {
                    saveCursor(true);
                    redeliverPutBack();
                    continue;
                }
                for (OutboxRecord r : next) {
                    if (stopping) {
                        break;
                    }
                    if (r.seq() <= cursor.get()) {
                        continue; // a record written twice after a disk error
                    }
                    if (r.sinks().contains(sink.name()) && !deliverWithRetries(r)) {
                        break; // stopped before it was handled: it stays pending
                    }
                    cursor.set(r.seq());
                    saveCursor(false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            saveCursor(true);
        }
    }

    /** Attempts until delivered, rejected or out of attempts; false when interrupted by a stop. */
    private boolean deliverWithRetries(OutboxRecord r) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long start = clock.millis();
            AlertSink.Delivery d;
            try {
                d = sink.deliver(r.alert());
            } catch (RuntimeException e) {
                d = AlertSink.Delivery.retry(0, "sink failed: " + e, 0);
            }
            outbox.deliveryLog().record(clock.millis(), sink.name(), r, attempt, d.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    d.status(), d.reason(), clock.millis() - start);
            switch (d.outcome()) {
                case DELIVERED -> {
                    delivered.increment();
                    healthy = true;
                    return true;
                }
                case REJECTED -> {
                    deadLetter(r, attempt, "rejected: " + d.reason());
                    return true;
                }
                default -> {
                    failedAttempts.increment();
                    healthy = false;
                    lastError = d.reason();
                    if (attempt >= maxAttempts) {
                        deadLetter(r, attempt, "gave up after " + attempt + " attempts: " + d.reason());
                        return true;
                    }
                    if (stopping) {
                        return false;
                    }
                    Thread.sleep(delay(attempt, d.retryAfterMillis()));
                }
            }
        }
    }

    long delay(int attempt, long retryAfter) {
        if (retryAfter > 0) {
            return Math.min(retryAfter, maxDelay);
        }
        long base = Math.min(maxDelay, initialDelay << Math.min(attempt - 1, 30));
        return (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    private void deadLetter(OutboxRecord r, int attempts, String why) {
        deadLettered.increment();
        LOG.warn("Sink {}: alert {} dead-lettered: {}", sink.name(), r.alert().id(), why);
        String line = "{\"failed_at\":\"" + java.time.Instant.ofEpochMilli(clock.millis()) + "\",\"attempts\":" + attempts
                + ",\"reason\":" + quote(why) + ",\"record\":" + OutboxLog.toJson(r) + "}\n";
        try {
            Files.writeString(deadFile(dir, sink.name()), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("Sink {}: cannot write the dead-letter file: {}", sink.name(), e.toString());
        }
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            return "\"\"";
        }
    }

    /** Delivers the alerts {@code outbox --redeliver} put back, then removes that file. */
    private void redeliverPutBack() throws InterruptedException {
        Path retry = retryFile(dir, sink.name());
        if (!Files.exists(retry)) {
            return;
        }
        Path taking = dir.resolve(sink.name() + ".retry.taking");
        List<OutboxRecord> records = new ArrayList<>();
        try {
            Files.move(retry, taking, StandardCopyOption.REPLACE_EXISTING);
            try (BufferedReader in = Files.newBufferedReader(taking, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    OutboxRecord r = OutboxLog.parse(line);
                    if (r != null) {
                        records.add(r);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Sink {}: cannot read {}: {}", sink.name(), retry, e.toString());
            return;
        }
        LOG.info("Sink {}: redelivering {} dead-lettered alerts", sink.name(), records.size());
        for (OutboxRecord r : records) {
            if (!deliverWithRetries(r)) {
                return;
            }
        }
        try {
            Files.deleteIfExists(taking);
        } catch (IOException e) {
            LOG.warn("Sink {}: cannot remove {}: {}", sink.name(), taking, e.toString());
        }
    }

    private void saveCursor(boolean force) {
        long c = cursor.get();
        long now = clock.millis();
        if (!force && now - lastSave < CURSOR_SAVE_MILLIS || c == savedCursor && Files.exists(cursorFile(dir, sink.name()))) {
            return;
        }
        Path file = cursorFile(dir, sink.name());
        Path tmp = dir.resolve("." + sink.name() + ".cursor.tmp");
        try {
            Files.writeString(tmp, Long.toString(c));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            savedCursor = c;
            lastSave = now;
        } catch (IOException e) {
            LOG.warn("Sink {}: cannot save the cursor: {}", sink.name(), e.toString());
        }
    }

    void stop() {
        stopping = true;
    }
}
