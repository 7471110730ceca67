package io.quietwatch.engine.list;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One named list (like an ArcSight active list): entries by value, and the matcher built from the
 * entries that have not expired. Writers synchronise; readers use the current matcher without locks.
 */
public final class ActiveList {
    private final String name;
    private final Map<String, ListEntry> entries = new LinkedHashMap<>();
    private volatile ListMatcher matcher = ListMatcher.EMPTY;

    ActiveList(String name) {
        this.name = name;
    }

    /** The list's name (its file name without {@code .csv}). */
    public String name() {
        return name;
    }

    /** True if {@code value} is listed (and had not expired at the last purge). */
    public boolean matches(Object value) {
        return matcher.matches(value);
    }

    /** A copy of the entries. */
    public synchronized List<ListEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Number of entries. */
    public synchronized int size() {
        return entries.size();
    }

    /** Replaces all entries (a reload); returns true if anything changed. */
    synchronized boolean replace(List<ListEntry> fresh, long now) {
        Map<String, ListEntry> next = new LinkedHashMap<>();
        for (ListEntry e : fresh) {
            if (!e.expired(now)) {
                next.put(e.value(), e);
            }
        }
        if (next.equals(entries)) {
            return false;
        }
        entries.clear();
        entries.putAll(next);
        rebuild();
        return true;
    }

    /** Adds or refreshes one entry (a later expiry wins); returns true if anything changed. */
    synchronized boolean put(ListEntry e) {
        ListEntry old = entries.get(e.value());
        if (old != null && (old.expiresAt() == 0 || e.expiresAt() != 0 && old.expiresAt() >= e.expiresAt())) {
            return false;
        }
        entries.put(e.value(), new ListEntry(e.value(), e.expiresAt(), e.comment().isEmpty() && old != null ? old.comment() : e.comment()));
        rebuild();
        return true;
    }

    /** Removes one value; returns true if it was listed. */
    synchronized boolean remove(String value) {
        boolean removed = entries.remove(value.strip()) != null;
        if (removed) {
            rebuild();
        }
        return removed;
    }

    /** Drops expired entries; returns the values dropped. */
    synchronized List<String> purge(long now) {
        List<String> gone = new ArrayList<>();
        entries.values().removeIf(e -> {
            if (e.expired(now)) {
                gone.add(e.value());
                return true;
            }
            return false;
        });
        if (!gone.isEmpty()) {
            rebuild();
        }
        return gone;
    }

    private void rebuild() {
        matcher = ListMatcher.build(entries.values());
    }
}
