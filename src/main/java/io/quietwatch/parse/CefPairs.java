package io.quietwatch.parse;

/**
 * Reads space-separated {@code key=value} pairs as the CEF extension writes them: values hold spaces
 * and run until the next {@code " key="} (a tab before the key serves as well), where a key starts with a letter, digit or {@code _} and goes
 * on with those and {@code . , [ ]} (the ArcSight names plus what non-conforming senders use, e.g.
 * {@code ad.Error_Code}, {@code field[0]}). An {@code =} that does not follow a space and a key
 * ({@code request=http://h/?a=b}, or an escaped {@code \=}) is part of the value; a value may be empty.
 * Blanks before the next key and at the end of the line are not part of a value. Text before the
 * first key is skipped. Only keys the table knows are stored.
 *
 * <p>One pass from {@code =} to {@code =} ({@code indexOf}); at each, the key is read backwards to the
 * blank before it, its hash computed on the way ({@link CefKeyTable#hash}), and allocates nothing.
 */
final class CefPairs {
    private static final boolean[] KEY_START = keyChars("");
    private static final boolean[] KEY_CHAR = keyChars(".,[]");
    /** How many keys ahead of the one expected a layout is searched for a line's key (keys left out). */
    private static final int RESYNC = 8;

    private CefPairs() {
    }

    /** Scans {@code line[from, to)} and stores the values of known keys in {@code fields}. */
    static void scan(String line, int from, int to, CefKeyTable keys, CefFields fields) {
        scan(line, from, to, keys, fields, null);
    }

    /**
     * As {@link #scan(String, int, int, CefKeyTable, CefFields)}, led by {@code layout}, the keys an earlier
     * line with the same header had: at each {@code =}, the key expected next is compared with the text
     * before it, and only when it is not there is the key read back and looked up; a key the layout has a
     * few keys further on (the line left out those between) is followed from there, a key it lacks is
     * passed over. The values stored are the same either way. Returns the layout to expect next time:
     * {@code layout} itself when this line followed it (or ended before its last key), and for most lines
     * that leave it; this line's own for one in {@link KeyLayout#LEARN_EVERY} of those and for the first
     * line after {@link KeyLayout#EMPTY}; null when {@code layout} is null (no layout is followed or learnt).
     */
    static KeyLayout scan(String line, int from, int to, CefKeyTable keys, CefFields fields, KeyLayout layout) {
        int expected = layout == null ? 0 : layout.size();
        int next = 0;
        boolean left = false;
        String[] learnt = null;
        int[] learntIds = null;
        int count = 0;
        int id = CefKeyTable.UNKNOWN;
        int valueFrom = 0;
        int eq = line.indexOf('=', from);
        while (eq >= 0 && eq < to) {
            if (next < expected) {
                int k = eq - layout.key(next).length();
                if (k >= from && layout.startsAt(next, line, k) && (k == from || blank(line.charAt(k - 1)))) {
                    if (id >= 0) {
                        fields.set(id, valueFrom, trimEnd(line, valueFrom, k));
                    }
                    id = layout.id(next);
                    if (learnt != null && count < KeyLayout.MAX_KEYS) {
                        learnt[count] = layout.key(next);
                        learntIds[count++] = id;
                    }
                    next++;
                    valueFrom = eq + 1;
                    eq = line.indexOf('=', eq + 1);
                    continue;
                }
            }
            long h = CefKeyTable.EMPTY;
            long block = 0;
            int n = 0;
            int k = eq;
            char c;
            while (k > from && (c = line.charAt(k - 1)) < KEY_CHAR.length && KEY_CHAR[c]) {
                block = block << 8 | (c | 0x20);
                if (++n == CefKeyTable.BLOCK) {
                    h = CefKeyTable.mix(h, block);
                    block = 0;
                    n = 0;
                }
                k--;
            }
            if (k < eq && KEY_START[line.charAt(k)] && (k == from || blank(line.charAt(k - 1)))) {
                if (id >= 0) {
                    fields.set(id, valueFrom, trimEnd(line, valueFrom, k));
                }
                id = keys.lookup(line, k, eq, CefKeyTable.finish(h, block, eq - k));
                valueFrom = eq + 1;
                if (layout != null) {
                    // a key the layout does not have next: one it has a little further on (this line left
                    // out those between), else one it lacks
                    int found = layout.indexOf(line, k, eq, next, Math.min(expected, next + RESYNC));
                    if (!left && (found >= 0 || next < expected || !layout.full())) {
                        left = true;
                        if (layout.learnsFromLeaver()) {
                            learnt = layout.keysUpTo(next);
                            learntIds = layout.idsUpTo(next);
                            count = next;
                        }
                    }
                    if (found >= 0) {
                        next = found + 1;
                    }
                    if (learnt != null && count < KeyLayout.MAX_KEYS) {
                        learnt[count] = found >= 0 ? layout.key(found) : line.substring(k, eq);
                        learntIds[count++] = id;
                    }
                }
            }
            eq = line.indexOf('=', eq + 1);
        }
        if (id >= 0) {
            fields.set(id, valueFrom, trimEnd(line, valueFrom, to));
        }
        return learnt == null ? layout : KeyLayout.of(learnt, learntIds, count);
    }

    // The spec separates pairs by a space; some senders use a tab.
    static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean[] keyChars(String extra) {
        boolean[] table = new boolean[128];
        for (char c = 0; c < 128; c++) {
            table[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || extra.indexOf(c) >= 0;
        }
        return table;
    }

    /** End of {@code line[from, to)} without its trailing blanks (space, tab, CR, LF). */
    static int trimEnd(String line, int from, int to) {
        while (to > from && line.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    static int skipBlanks(String line, int from, int to) {
        while (from < to && line.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }
}
