package io.quietwatch.parse;

/**
 * The extension keys a parser maps, by name, to small field ids: an open-addressing table looked up
 * straight from the line ({@code line[from, to)}), so reading a key allocates nothing. Most names
 * match without regard to case, as senders write {@code cs6label} or {@code useragent} for the keys
 * the specifications spell {@code cs6Label} and {@code userAgent}; names entered as exact match only
 * their own spelling (CEF's full names: Zscaler's own {@code devicehostname} is the client's host, not
 * {@code deviceHostName}). Immutable after construction; shared by the parsers' threads.
 *
 * <p>Keys are told apart by a 64-bit hash of their case-folded characters and length ({@link #hash}),
 * which the caller's scan may compute on the way; an any-case entry is not compared character by
 * character, as another key matches its hash with a chance of about 2^-64.
 * Within key characters ({@code [A-Za-z0-9_.,\[\]]}) {@code c | 0x20} only folds upper-case letters
 * onto lower-case ones.
 */
final class CefKeyTable {
    /** Id of a key the table does not hold. */
    static final int UNKNOWN = -1;
    /** The hash of the empty key, where {@link #next} starts. */
    static final long EMPTY = 0xcbf29ce484222325L;

    /** Characters per hash block. */
    static final int BLOCK = 8;

    private static final long PRIME = 0x100000001b3L;

    private final String[] names;
    private final long[] hashes;
    /** Id + 1 per slot, 0 for an empty slot: the probe reads these flat arrays, not the names. */
    private final int[] ids;
    private final int[] lengths;
    private final boolean[] exact;
    private final int mask;
    private final int size;

    private CefKeyTable(int capacity, int size) {
        this.names = new String[capacity];
        this.hashes = new long[capacity];
        this.ids = new int[capacity];
        this.lengths = new int[capacity];
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

    /**
     * The key hash of {@code s[from, to)}: characters folded ({@code c | 0x20}) and packed eight to a
     * block from the last character back (the order a scan that walks back from {@code =} meets them;
     * a shift per character, not a multiply), each block mixed in FNV-1a style, then the length. Keys
     * of up to eight characters never collide.
     */
    static long hash(String s, int from, int to) {
        long h = EMPTY;
        long block = 0;
        int n = 0;
        for (int i = to - 1; i >= from; i--) {
            block = block << 8 | (s.charAt(i) | 0x20) & 0xff;
            if (++n == BLOCK) {
                h = mix(h, block);
                block = 0;
                n = 0;
            }
        }
        return finish(h, block, to - from);
    }

    /** Mixes one block of up to eight packed characters into the hash. */
    static long mix(long h, long block) {
        return (h ^ block) * PRIME;
    }

    /** The hash after the last (partial) block and the key's length. */
    static long finish(long h, long block, int length) {
        return mix(mix(h, block), length);
    }

    /** The id of the key {@code s[from, to)}, or {@link #UNKNOWN}. */
    int lookup(String s, int from, int to) {
        return lookup(s, from, to, hash(s, from, to));
    }

    /** As {@link #lookup(String, int, int)} with the key's {@link #hash} already computed. */
    int lookup(String s, int from, int to, long hash) {
        int length = to - from;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        int id;
        while ((id = ids[slot]) != 0) {
            if (hashes[slot] == hash && lengths[slot] == length && (!exact[slot] || s.startsWith(names[slot], from))) {
                return id - 1;
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private void put(String name, int id, boolean exactCase) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("field id " + id + " of key " + name + " is out of range");
        }
        long h = hash(name, 0, name.length());
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (names[slot] != null) {
            if (hashes[slot] == h && names[slot].length() == name.length()) {
                throw new IllegalArgumentException("key " + name + " is listed twice");
            }
            slot = (slot + 1) & mask;
        }
        names[slot] = name;
        hashes[slot] = h;
        ids[slot] = id + 1;
        lengths[slot] = name.length();
        exact[slot] = exactCase;
    }
}
