package io.quietwatch.parse;

/**
 * The extension keys a parser maps, by name, to small field ids: an open-addressing table looked up
 * straight from the line ({@code line[from, to)}), so reading a key allocates nothing. Most names
 * match without regard to case, as senders write {@code cs6label} or {@code useragent} for the keys
 * the specifications spell {@code cs6Label} and {@code userAgent}; names entered as exact match only
 * their own spelling (CEF's full names: Zscaler's own {@code devicehostname} is the client's host, not
 * {@code deviceHostName}). Immutable after construction; shared by the parsers' threads.
 */
final class CefKeyTable {
    /** Id of a key the table does not hold. */
    static final int UNKNOWN = -1;

    private final String[] names;
    private final int[] ids;
    private final boolean[] exact;
    private final int mask;
    private final int size;

    private CefKeyTable(int capacity, int size) {
        this.names = new String[capacity];
        this.ids = new int[capacity];
        this.exact = new boolean[capacity];
        this.mask = capacity - 1;
        this.size = size;
    }

    /**
     * A table of {@code entries}, pairs of (name, id) given as {@code "name", id, "alias", id, ...};
     * ids must lie in {@code [0, size)}.
     */
    static CefKeyTable of(int size, Object... entries) {
        return of(size, entries, new Object[0]);
    }

    /** A table of {@code anyCase} entries and of {@code exactCase} entries, both given as in {@link #of}. */
    static CefKeyTable of(int size, Object[] anyCase, Object[] exactCase) {
        int capacity = Integer.highestOneBit(Math.max(16, (anyCase.length + exactCase.length) * 2)) << 1;
        CefKeyTable table = new CefKeyTable(capacity, size);
        for (int i = 0; i < anyCase.length; i += 2) {
            table.put((String) anyCase[i], (Integer) anyCase[i + 1], false);
        }
        for (int i = 0; i < exactCase.length; i += 2) {
            table.put((String) exactCase[i], (Integer) exactCase[i + 1], true);
        }
        return table;
    }

    /** Number of distinct field ids. */
    int size() {
        return size;
    }

    /** The id of the key {@code s[from, to)}, or {@link #UNKNOWN}. */
    int lookup(String s, int from, int to) {
        int length = to - from;
        int slot = hash(s, from, to) & mask;
        String name;
        while ((name = names[slot]) != null) {
            if (name.length() == length && s.regionMatches(!exact[slot], from, name, 0, length)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private void put(String name, int id, boolean exactCase) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("field id " + id + " of key " + name + " is out of range");
        }
        int slot = hash(name, 0, name.length()) & mask;
        while (names[slot] != null) {
            if (names[slot].equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("key " + name + " is listed twice");
            }
            slot = (slot + 1) & mask;
        }
        names[slot] = name;
        ids[slot] = id;
        exact[slot] = exactCase;
    }

    // ASCII letters fold to lower case (c | 0x20), so "Src" and "src" meet in one slot.
    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + (s.charAt(i) | 0x20);
        }
        return h ^ (h >>> 7) ^ (h >>> 15);
    }
}
