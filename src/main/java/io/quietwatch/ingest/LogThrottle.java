package io.quietwatch.ingest;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets at most {@code permits} log lines through per window (a minute in production), so a peer that
 * sends garbage in a loop cannot flood the log. Thread-safe; lines over the limit are counted, and the
 * count is handed to the next line that gets through.
 */
public final class LogThrottle {
    private final int permits;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int used;
    private long suppressed;

    LogThrottle(int permits, long window, TimeUnit unit, LongSupplier nanoClock) {
        this.permits = permits;
        this.windowNanos = unit.toNanos(window);
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** A throttle of {@code permits} lines per minute on the system clock. */
    public static LogThrottle perMinute(int permits) {
        return new LogThrottle(permits, 1, TimeUnit.MINUTES, System::nanoTime);
    }

    /**
     * Asks to log one line.
     *
     * @return -1 if the line must be suppressed; otherwise the number of lines suppressed since the
     *         last one that got through (usually 0)
     */
    public synchronized long acquire() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            used = 0;
        }
        if (used >= permits) {
            suppressed++;
            return -1;
        }
        used++;
        long s = suppressed;
        suppressed = 0;
        return s;
    }
}
