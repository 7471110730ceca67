package io.quietwatch.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins within {@value #WINDOW_MINUTES}
 * minutes from one client address, or for one user name, further attempts from it or for it are refused
 * until the oldest failure leaves the window.
 */
final class LoginLimiter {
    static final int MAX_FAILURES = 5;
    static final int WINDOW_MINUTES = 15;
    private static final long WINDOW = WINDOW_MINUTES * 60_000L;
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until {@code client} may try {@code user} again; 0 when it may now. */
    long retryAfterSeconds(String client, String user) {
        long now = clock.millis();
        return Math.max(wait("ip:" + client, now), wait("user:" + user, now));
    }

    void failed(String client, String user) {
        long now = clock.millis();
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        record("ip:" + client, now);
        record("user:" + user, now);
    }

    void succeeded(String client, String user) {
        failures.remove("ip:" + client);
        failures.remove("user:" + user);
    }

    private void record(String key, long now) {
        Deque<Long> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(now);
            while (d.size() > MAX_FAILURES) {
                d.removeFirst();
            }
        }
    }

    private long wait(String key, long now) {
        Deque<Long> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst() <= now - WINDOW) {
                d.removeFirst();
            }
            return d.size() >= MAX_FAILURES ? Math.max(1, (d.peekFirst() + WINDOW - now + 999) / 1000) : 0;
        }
    }
}
