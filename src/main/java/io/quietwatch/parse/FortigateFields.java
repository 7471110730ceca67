package io.quietwatch.parse;

/**
 * The {@code key=value} pairs of one FortiOS log line, scanned once: where the value of each field
 * the parser reads lies. Pairs are separated by blanks ({@code format default}) or commas
 * ({@code format csv}). Values are bare ({@code srcport=443}) or double-quoted ({@code msg="a, b"});
 * a quoted value ends at a quote that is not escaped by a backslash and is followed by the end of
 * the line or by blanks and the next {@code key=}, so quotes that firmware left unescaped inside a
 * message do not cut it short. A quote that is never closed runs to the end of the line. Words
 * without {@code =} are skipped. The first occurrence of a key wins ({@code tz} is repeated by some
 * FortiOS 7 builds). One instance per line; not thread-safe.
 */
final class FortigateFields {
    /** How many later quotes are tried before the first one is taken as the closing one. */
    private static final int QUOTE_LOOKAHEAD = 8;
    private static final boolean[] KEY_CHARS = keyChars();

    private final String s;
    /** Per key id: value start + 1 (0 = absent), value end. */
    private final int[] pos = new int[FortigateKeys.COUNT * 2];
    /** Per key id: the value was quoted, so backslash escapes apply. */
    private long quoted;
    private String error;
    /** The key {@link #endsValue} read past a closing quote: its start, its {@code =} and its code. */
    private int aheadStart = -1;
    private int aheadEquals;
    private long aheadLow;
    private long aheadHigh;
    /** 0 not yet known, 1 the line has a backslash, -1 it has none. */
    private int backslash;

    private FortigateFields(String s) {
        this.s = s;
    }

    /** Scans the whole of {@code s}. */
    static FortigateFields scan(String s) {
        FortigateFields f = new FortigateFields(s);
        f.run();
        return f;
    }

    /** The line scanned. */
    String line() {
        return s;
    }

    private void run() {
        int n = s.length();
        int i = priorityEnd();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            long low = 0;
            long high = 0;
            if (i == aheadStart) {
                i = aheadEquals;
                low = aheadLow;
                high = aheadHigh;
                c = '=';
            }
            int packedEnd = start + FortigateKeys.packed();
            while (c != '=' && c != ' ' && c != ',') {
                if (i < packedEnd) {
                    low = FortigateKeys.next(low, c);
                } else {
                    high = FortigateKeys.next(high, c);
                }
                if (++i == n) {
                    return;
                }
                c = s.charAt(i);
            }
            if (c != '=' || i == start) {
                i++;
                continue;
            }
            int id = FortigateKeys.id(low, high, i - start);
            int v = i + 1;
            if (v < n && s.charAt(v) == '"') {
                i = quotedValue(id, v + 1, n);
                continue;
            }
            // A bare value, read here rather than in a call: about half the values of a line are bare.
            int to = v;
            while (to < n && (c = s.charAt(to)) != ' ' && c != ',') {
                to++;
            }
            if (id >= 0 && pos[2 * id] == 0) {
                pos[2 * id] = v + 1;
                pos[2 * id + 1] = to;
            }
            i = to;
        }
    }

    // A message handed over with its <PRI> still on (no syslog header was recognised).
    private int priorityEnd() {
        if (s.isEmpty() || s.charAt(0) != '<') {
            return 0;
        }
        int close = s.indexOf('>');
        return close > 1 && close <= 4 ? close + 1 : 0;
    }

    /** Records the quoted value starting after its quote at {@code from} for key {@code id}; returns where scanning goes on. */
    private int quotedValue(int id, int from, int n) {
        int q = closingQuote(from, n);
        int to = q < 0 ? n : q;
        if (id >= 0 && pos[2 * id] == 0) {
            pos[2 * id] = from + 1;
            pos[2 * id + 1] = to;
            quoted |= 1L << id;
        }
        return q < 0 ? n : q + 1;
    }

    private int closingQuote(int from, int n) {
        int first = -1;
        int tried = 0;
        int q = quote(from, n);
        while (q >= 0 && tried <= QUOTE_LOOKAHEAD) {
            if (!escaped(q, from)) {
                if (first < 0) {
                    first = q;
                }
                if (endsValue(q + 1, n)) {
                    return q;
                }
                tried++;
            }
            q = quote(q + 1, n);
        }
        return first;
    }

    /**
     * The next quote from {@code from}, or -1. Character by character: most quoted values are short
     * ({@code "traffic"}, {@code "wan1"}), where this is cheaper than {@code String.indexOf} (5 % of the
     * parse), and a search that starts with a few characters by hand and hands longer ones over to
     * {@code indexOf} measured slower than either.
     */
    private int quote(int from, int n) {
        for (int i = from; i < n; i++) {
            if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private boolean escaped(int q, int from) {
        int i = q - 1;
        while (i >= from && s.charAt(i) == '\\') {
            i--;
        }
        return ((q - 1 - i) & 1) == 1;
    }

    /**
     * True when {@code s[i..]} is the end of the line, or blanks and then a {@code key=}; the key read
     * here is kept (start, {@code =}, code) so that the scan does not read it again.
     */
    private boolean endsValue(int i, int n) {
        if (i == n) {
            return true;
        }
        char c = s.charAt(i);
        if (c != ' ' && c != ',') {
            return false;
        }
        while (i < n && ((c = s.charAt(i)) == ' ' || c == ',')) {
            i++;
        }
        int start = i;
        int packedEnd = Math.min(start + FortigateKeys.packed(), n);
        long low = 0;
        long high = 0;
        // the first eight key characters into one code, the rest into the other
        while (i < packedEnd && keyChar(c = s.charAt(i))) {
            low = FortigateKeys.next(low, c);
            i++;
        }
        if (i == packedEnd) {
            while (i < n && keyChar(c = s.charAt(i))) {
                high = FortigateKeys.next(high, c);
                i++;
            }
        }
        if (i == n) {
            return start == n;
        }
        if (i > start && s.charAt(i) == '=') {
            aheadStart = start;
            aheadEquals = i;
            aheadLow = low;
            aheadHigh = high;
            return true;
        }
        return false;
    }

    private static boolean keyChar(char c) {
        return c < KEY_CHARS.length && KEY_CHARS[c];
    }

    private static boolean[] keyChars() {
        boolean[] table = new boolean[128];
        for (char c = 0; c < table.length; c++) {
            table[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 'A' && c <= 'Z'
                    || c == '.';
        }
        return table;
    }

    /** True when the key was seen (its value may be empty). */
    boolean present(int id) {
        return pos[2 * id] != 0;
    }

    /** Start of the value, or -1 when absent. */
    int from(int id) {
        return pos[2 * id] - 1;
    }

    /** End of the value (exclusive); meaningful only when present. */
    int to(int id) {
        return pos[2 * id + 1];
    }

    /**
     * True when the field was seen under the key {@code name} (not an alias) at the start of the line
     * or after a blank or comma.
     */
    boolean keyIs(int id, String name) {
        int from = pos[2 * id] - 1;
        if (from < 0) {
            return false;
        }
        int key = from - 1 - ((quoted & (1L << id)) != 0 ? 1 : 0) - name.length();
        if (key < 0 || !s.startsWith(name, key)) {
            return false;
        }
        return key == 0 || s.charAt(key - 1) == ' ' || s.charAt(key - 1) == ',';
    }

    /** True when the value is present and not empty, {@code N/A} or {@code (null)}, FortiOS's blanks. */
    boolean has(int id) {
        int from = pos[2 * id] - 1;
        if (from < 0) {
            return false;
        }
        int len = pos[2 * id + 1] - from;
        return len > 0 && !(len == 3 && s.startsWith("N/A", from)) && !(len == 6 && s.startsWith("(null)", from));
    }

    /** True when the value equals {@code word} (lower case ASCII), ignoring case. */
    boolean is(int id, String word) {
        int from = pos[2 * id] - 1;
        int len = word.length();
        if (from < 0 || pos[2 * id + 1] - from != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(from + i);
            char w = word.charAt(i);
            if (c != w && (c < 'A' || c > 'Z' || c + ('a' - 'A') != w)) {
                return false;
            }
        }
        return true;
    }

    /** The value with backslash escapes of a quoted value undone, or null when it is blank (see {@link #has}). */
    String text(int id) {
        if (!has(id)) {
            return null;
        }
        int from = pos[2 * id] - 1;
        int to = pos[2 * id + 1];
        if ((quoted & (1L << id)) == 0 || !backslashes() || !hasBackslash(from, to)) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Whether the line has a backslash at all; one search of the line instead of one per value. */
    private boolean backslashes() {
        if (backslash == 0) {
            backslash = s.indexOf('\\') >= 0 ? 1 : -1;
        }
        return backslash > 0;
    }

    private boolean hasBackslash(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The first problem a typed read met, naming the field; null when none. */
    String error() {
        return error;
    }

    /** Records a problem with a field unless an earlier one is recorded. */
    void fail(int id, String problem) {
        if (error == null) {
            error = FortigateKeys.name(id) + " " + problem;
        }
    }
}
