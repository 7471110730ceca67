package io.quietwatch.parse;

/**
 * Reads space-separated {@code key=value} pairs as the CEF extension writes them: values hold spaces
 * and run until the next {@code " key="}, where a key starts with a letter, digit or {@code _} and goes
 * on with those and {@code . , [ ]} (the ArcSight names plus what non-conforming senders use, e.g.
 * {@code ad.Error_Code}, {@code field[0]}). An {@code =} after an odd number of backslashes is part of
 * the value, as is one that does not follow a space and a key ({@code request=http://h/?a=b}); a
 * value may be empty. Trailing blanks of a value are dropped. Text that is not a pair (before the
 * first key, or after a stray {@code =}) is skipped up to the next key. Only keys the table knows are
 * stored; the scan allocates nothing.
 */
final class CefPairs {
    private CefPairs() {
    }

    /** Scans {@code line[from, to)} and stores the values of known keys in {@code fields}. */
    static void scan(String line, int from, int to, CefKeyTable keys, CefFields fields) {
        int i = skipBlanks(line, from, to);
        while (i < to) {
            int keyEnd = keyEnd(line, i, to);
            if (keyEnd == i || keyEnd == to || line.charAt(keyEnd) != '=' || !keyStart(line.charAt(i))) {
                i = nextKey(line, i, to);
                continue;
            }
            int valueFrom = keyEnd + 1;
            int next = nextKey(line, valueFrom, to);
            int id = keys.lookup(line, i, keyEnd);
            if (id != CefKeyTable.UNKNOWN) {
                fields.set(id, valueFrom, trimEnd(line, valueFrom, next));
            }
            i = next;
        }
    }

    /**
     * Where the next pair's key starts: the first unescaped {@code =} at or after {@code from} that a
     * space and a key stand before, pointing at the key; {@code to} when there is none.
     */
    static int nextKey(String line, int from, int to) {
        int eq = line.indexOf('=', from);
        while (eq >= 0 && eq < to) {
            int k = eq;
            while (k > from && keyChar(line.charAt(k - 1))) {
                k--;
            }
            if (k < eq && k > from && line.charAt(k - 1) == ' ' && keyStart(line.charAt(k)) && !escaped(line, eq)) {
                return k;
            }
            eq = line.indexOf('=', eq + 1);
        }
        return to;
    }

    private static boolean escaped(String line, int at) {
        int slashes = 0;
        for (int i = at - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return (slashes & 1) == 1;
    }

    private static int keyEnd(String line, int i, int to) {
        while (i < to && keyChar(line.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean keyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    static boolean keyChar(char c) {
        return keyStart(c) || c == '.' || c == ',' || c == '[' || c == ']';
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
