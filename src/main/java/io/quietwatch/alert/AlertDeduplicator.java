package io.quietwatch.alert;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps one alert per incident: an alert whose id was already passed on within the memory window is
 * held back unless its severity is higher than before (an open session that has now lasted 8 hours
 * instead of 4). Time is the alerts' own event time, so replays behave like live runs.
 * Not thread-safe: used from the engine thread.
 */
public final class AlertDeduplicator {
    private record Seen(AlertSeverity severity, long lastSeen) {
    }

    private final long memoryMillis;
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    /** @param memoryMillis how long an incident is remembered after its last alert */
    public AlertDeduplicator(long memoryMillis) {
        this.memoryMillis = memoryMillis;
    }

    /** True if the alert should be passed on (first of its incident, or an escalation). */
    public boolean admit(Alert alert) {
        expire(alert.timestamp());
        Seen before = seen.get(alert.id());
        if (before == null || alert.severity().compareTo(before.severity()) > 0) {
            seen.remove(alert.id());
            seen.put(alert.id(), new Seen(alert.severity(), alert.timestamp()));
            return true;
        }
        seen.remove(alert.id());
        seen.put(alert.id(), new Seen(before.severity(), Math.max(before.lastSeen(), alert.timestamp())));
        return false;
    }

    /** Incidents currently remembered. */
    public int size() {
        return seen.size();
    }

    private void expire(long now) {
        Iterator<Seen> it = seen.values().iterator();
        while (it.hasNext()) {
            if (it.next().lastSeen() + memoryMillis < now) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
