package io.quietwatch.parse;

/**
 * The extension keys of a CEF line in the order they came, with their field ids: what the next line
 * with the same header is expected to carry ({@link CefPairs#scan(String, int, int, CefKeyTable, CefFields,
 * CefLayout)}). A device writes the same keys in the same order for one kind of record, so checking that
 * the expected key ends at an {@code =} replaces reading the key back and looking it up. Keys are kept
 * as the line spelled them; unknown keys are kept too (id {@link CefKeyTable#UNKNOWN}), as they end the
 * value before them. Immutable but for a count of the lines that left it; shared by the threads of a
 * parser through {@link CefHeader}.
 */
final class CefLayout {
    /** At most this many keys are kept; a line with more follows the layout that far and reads the rest. */
    static final int MAX_KEYS = 64;

    /** The layout before any line: nothing expected, the first line's keys learnt. */
    static final CefLayout EMPTY = new CefLayout(new String[0], new int[0]);

    /**
     * One line in this many that leaves a layout teaches its own (the header's first line always does):
     * a device that changed its keys for good is followed again after a few lines, while a header whose
     * lines keep changing keys costs little more than reading every key.
     */
    static final int LEARN_EVERY = 8;

    private final String[] keys;
    private final int[] ids;
    /** Lines that left this layout; written by those lines only, racing threads at worst lose a count. */
    private int leavers;

    CefLayout(String[] keys, int[] ids) {
        this.keys = keys;
        this.ids = ids;
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

    /** Whether the line that now leaves this layout teaches its own ({@link #LEARN_EVERY}). */
    boolean learnsFromLeaver() {
        return this == EMPTY || ++leavers % LEARN_EVERY == 0;
    }

    /** Whether a key after the last one kept is a change of layout (not when the layout is full). */
    boolean full() {
        return keys.length >= MAX_KEYS;
    }
}
