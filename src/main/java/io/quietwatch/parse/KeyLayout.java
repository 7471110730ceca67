package io.quietwatch.parse;

import java.util.Arrays;

/**
 * The keys of a key-value line in the order they came, with their field ids: what the next line of the
 * same kind is expected to carry (the same CEF header, {@link CefPairs#scan(String, int, int, CefKeyTable,
 * CefFields, KeyLayout)}). A device writes the same keys
 * in the same order for one kind of record, so comparing the line with the key expected next replaces
 * reading the key and looking it up. Keys are kept as the line spelled them; unknown keys are kept too
 * (id -1), as they end the value before them. Immutable but for a count of the lines that left it;
 * shared by the threads of a parser.
 *
 * <p>A line that leaves its layout (another key where one was expected, or more keys than it has) is
 * read the slow way from there; one such line in {@link #LEARN_EVERY} teaches its own layout
 * ({@link #learnsFromLeaver}, {@link #keysUpTo}, {@link #of}).
 */
final class KeyLayout {
    /** At most this many keys are kept; a line with more follows the layout that far and reads the rest. */
    static final int MAX_KEYS = 64;

    /** The layout before any line: nothing expected, the first line's keys learnt. */
    static final KeyLayout EMPTY = new KeyLayout(new String[0], new int[0]);

    /**
     * One line in this many that leaves a layout teaches its own (the first line of a kind always does):
     * a device that changed its keys for good is followed again after a few lines, while lines whose keys
     * keep changing cost little more than reading every key.
     */
    static final int LEARN_EVERY = 8;

    private final String[] keys;
    private final int[] ids;
    /** Lines that left this layout; written by those lines only, racing threads at worst lose a count. */
    private int leavers;

    private KeyLayout(String[] keys, int[] ids) {
        this.keys = keys;
        this.ids = ids;
    }

    /** The layout of the first {@code count} keys of {@code keys} and {@code ids}, copied. */
    static KeyLayout of(String[] keys, int[] ids, int count) {
        return new KeyLayout(Arrays.copyOf(keys, count), Arrays.copyOf(ids, count));
    }

    int size() {
        return keys.length;
    }

    String key(int i) {
        return keys[i];
    }

    int id(int i) {
        return ids[i];
    }

    /** Whether {@code s} holds key {@code i} at {@code from} (what follows it is the caller's to check). */
    boolean startsAt(int i, String s, int from) {
        return s.startsWith(keys[i], from);
    }

    /** The first of keys {@code [first, last)} that is {@code s[from, to)}, or -1. */
    int indexOf(String s, int from, int to, int first, int last) {
        int length = to - from;
        for (int i = first; i < last; i++) {
            if (keys[i].length() == length && s.startsWith(keys[i], from)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the line that now leaves this layout teaches its own ({@link #LEARN_EVERY}). */
    boolean learnsFromLeaver() {
        return this == EMPTY || ++leavers % LEARN_EVERY == 0;
    }

    /** Room for a learning line's keys: the first {@code count} of this layout's, which it followed. */
    String[] keysUpTo(int count) {
        String[] room = new String[MAX_KEYS];
        System.arraycopy(keys, 0, room, 0, count);
        return room;
    }

    /** Room for a learning line's key ids: the first {@code count} of this layout's. */
    int[] idsUpTo(int count) {
        int[] room = new int[MAX_KEYS];
        System.arraycopy(ids, 0, room, 0, count);
        return room;
    }

    /** Whether a key after the last one kept is a change of layout (not when the layout is full). */
    boolean full() {
        return keys.length >= MAX_KEYS;
    }
}
