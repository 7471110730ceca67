package io.quietwatch.engine;

import io.quietwatch.event.LogEvent;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The internal hosts that opened outbound connections recently (by event time): an inventory rules
 * read through the variable {@code qw_active_hosts}. Kept in Java rather than in an EPL table because
 * it is touched by most events; an EPL merge per event cost more than the rules themselves.
 * Not thread-safe: used from the engine thread.
 */
final class ActiveHosts {
    private static final long PURGE_EVERY_MILLIS = 3_600_000L;

    private final Map<String, long[]> lastSeen = new HashMap<>();
    private long windowMillis;
    private long nextPurge = Long.MIN_VALUE;

    ActiveHosts(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * Notes the event's host when it is an outbound connection start.
     *
     * @return true when the count changed
     */
    boolean observe(LogEvent e) {
        if (e.hostIp() == null || !"outbound".equals(e.direction()) || !LogEvent.START.equals(e.phase())) {
            return false;
        }
        long[] seen = lastSeen.get(e.hostIp());
        if (seen == null) {
            lastSeen.put(e.hostIp(), new long[] {e.timestamp()});
            return true;
        }
        if (e.timestamp() > seen[0]) {
            seen[0] = e.timestamp();
        }
        return false;
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
        int before = lastSeen.size();
        Iterator<long[]> it = lastSeen.values().iterator();
        while (it.hasNext()) {
            if (it.next()[0] < now - windowMillis) {
                it.remove();
            }
        }
        return lastSeen.size() != before;
    }

    void window(long millis) {
        this.windowMillis = millis;
    }

    int count() {
        return lastSeen.size();
    }
}
