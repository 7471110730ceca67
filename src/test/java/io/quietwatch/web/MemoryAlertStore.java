package io.quietwatch.web;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.store.AlertStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An alert store in a map, for the web layer's own tests (the daemon's tests use the real store). */
final class MemoryAlertStore implements AlertStore {
    private final Map<String, StoredAlert> rows = new LinkedHashMap<>();

    @Override
    public synchronized void record(Alert alert) {
        StoredAlert old = rows.get(alert.id());
        rows.put(alert.id(), new StoredAlert(alert, old == null ? null : old.acknowledgedAt(), old == null ? null : old.acknowledgedBy()));
    }

    @Override
    public synchronized List<StoredAlert> find(AlertQuery q) {
        return matching(q).stream().limit(q.limit()).toList();
    }

    private List<StoredAlert> matching(AlertQuery q) {
        List<StoredAlert> out = new ArrayList<>();
        for (StoredAlert s : rows.values()) {
            Alert a = s.alert();
            if ((q.detection() == null || q.detection().equals(a.detection()))
                    && (q.minSeverity() == null || a.severity().compareTo(AlertSeverity.parse(q.minSeverity())) >= 0)
                    && (q.hostIp() == null || q.hostIp().equals(a.hostIp()))
                    && (q.acknowledged() == null || q.acknowledged() == s.acknowledged())
                    && (q.sinceMillis() == null || a.timestamp() >= q.sinceMillis())) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong((StoredAlert s) -> s.alert().timestamp()).reversed());
        return out;
    }

    @Override
    public synchronized long count(AlertQuery q) {
        return matching(q).size();
    }

    @Override
    public synchronized Optional<StoredAlert> get(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean acknowledge(String id, String user, long atMillis) {
        StoredAlert s = rows.get(id);
        if (s == null) {
            return false;
        }
        if (!s.acknowledged()) {
            rows.put(id, new StoredAlert(s.alert(), atMillis, user));
        }
        return true;
    }

    @Override
    public int expire(long nowMillis) {
        return 0;
    }

    @Override
    public void close() {
    }
}
