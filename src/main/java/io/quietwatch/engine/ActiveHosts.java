package io.quietwatch.engine;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The internal hosts that opened outbound connections recently (by event time): an inventory rules
 * read through the variable {@code qw_active_hosts}. Kept in Java rather than in an EPL table because
 * it is touched by most events. IPv4 hosts live in an open-addressing table keyed by the address as a
 * number (the text of dotted quads hashes poorly), others in a plain map. At most {@link #limit} hosts
 * are kept: under a flood of unique (spoofed) addresses, a new host beyond the cap is not counted
 * until the hourly purge forgets hosts older than the window.
 * Not thread-safe: used from the engine thread.
 */
final class ActiveHosts {
    private static final long PURGE_EVERY_MILLIS = 3_600_000L;

    private long[] keys = new long[1024];   // address + 1; 0 = free
    private long[] seen = new long[1024];
    private int v4Count;
    private final Map<String, long[]> others = new HashMap<>();
    private long windowMillis;
    private long nextPurge = Long.MIN_VALUE;
    private int maxHosts = Integer.MAX_VALUE;
    private Runnable onCapHit = () -> { };

    ActiveHosts(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * Notes the event's host when it is an outbound connection start.
     *
     * @return true when the count changed
     */
    boolean observe(LogEvent e) {
        String host = e.hostIp();
        if (host == null || !LogEvent.START.equals(e.phase()) || !"outbound".equals(e.direction())) {
            return false;
        }
        return note(host, e.timestamp());
    }

    private boolean put(long key, long time) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                seen[i] = Math.max(seen[i], time);
                return false;
            }
            if (keys[i] == 0) {
                if (full()) {
                    return false;
                }
                keys[i] = key;
                seen[i] = time;
                if (++v4Count * 2 > keys.length) {
                    rehash(keys.length * 2, Long.MIN_VALUE);
                }
                return true;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Rebuilds the table at {@code capacity}, keeping hosts seen at or after {@code since}. */
    private void rehash(int capacity, long since) {
        long[] oldKeys = keys;
        long[] oldSeen = seen;
        keys = new long[capacity];
        seen = new long[capacity];
        v4Count = 0;
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0 && oldSeen[j] >= since) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                seen[i] = oldSeen[j];
                v4Count++;
            }
        }
    }

    /**
     * Forgets hosts not seen within the window, at most once an hour of engine time.
     *
     * @return true when the count changed
     */
    boolean purge(long now) {
        if (now < nextPurge) {
            return false;
        }
        nextPurge = now + PURGE_EVERY_MILLIS;
        int before = count();
        long since = now - windowMillis;
        int capacity = keys.length;
        while (capacity > 1024 && v4Count * 8 < capacity) {
            capacity /= 2;
        }
        rehash(capacity, since);
        others.values().removeIf(s -> s[0] < since);
        return count() != before;
    }

    /** Each host with when it was last seen, for a snapshot. */
    java.util.List<EngineState.Host> hosts() {
        java.util.List<EngineState.Host> out = new java.util.ArrayList<>(count());
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                out.add(new EngineState.Host(dottedQuad(keys[i] - 1), seen[i]));
            }
        }
        others.forEach((host, s) -> out.add(new EngineState.Host(host, s[0])));
        return out;
    }

    /**
     * Notes a host seen at {@code time} (an event, or a snapshot being restored).
     *
     * @return true when the count changed
     */
    boolean note(String host, long time) {
        long v4 = host.indexOf(':') < 0 ? IpAddresses.parseIpv4(host) : -1;
        if (v4 >= 0) {
            return put(v4 + 1, time);
        }
        long[] s = others.get(host);
        if (s == null) {
            if (full()) {
                return false;
            }
            others.put(host, new long[] {time});
            return true;
        }
        s[0] = Math.max(s[0], time);
        return false;
    }

    private static String dottedQuad(long v4) {
        return (v4 >>> 24 & 255) + "." + (v4 >>> 16 & 255) + "." + (v4 >>> 8 & 255) + "." + (v4 & 255);
    }

    private boolean full() {
        if (count() < maxHosts) {
            return false;
        }
        onCapHit.run();
        return true;
    }

    /** Keeps at most {@code max} hosts; {@code onHit} runs for each new host refused. */
    void limit(int max, Runnable onHit) {
        this.maxHosts = max;
        this.onCapHit = onHit;
    }

    void window(long millis) {
        this.windowMillis = millis;
    }

    int count() {
        return v4Count + others.size();
    }
}
