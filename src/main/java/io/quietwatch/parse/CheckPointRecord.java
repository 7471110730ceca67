package io.quietwatch.parse;

import java.util.Arrays;

/**
 * One Check Point Log Exporter record, scanned once: where the value of each known field is. The
 * record is {@code [key:"value"; key:"value"; ...]} (syslog format), also without the brackets, or
 * {@code [Fields@1.3.6.1.4.1.2620 key="value" key="value" ...]} (structured-data form). Inside a value
 * a backslash escapes the next {@code "}, {@code \}, {@code ]}, {@code ;} or {@code =}; semicolons
 * and brackets inside quotes are text. A quote ends the value only when a separator, the end of the
 * record or the next {@code key:} follows it, so a stray unescaped quote stays text. A key logged more
 * than once (one per matched policy layer: {@code rule_name}, {@code rule_uid}) keeps its last value,
 * the innermost layer's, which decided. One instance per line; not thread-safe.
 */
final class CheckPointRecord {
    private static final int ABSENT = -1;

    private final String s;
    private final int[] from = new int[CheckPointKeys.COUNT];
    private final int[] to = new int[CheckPointKeys.COUNT];
    /** The first problem met, naming the field; null when none. */
    String error;
    /** Number of key-value pairs read. */
    int pairs;

    private CheckPointRecord(String s) {
        this.s = s;
        Arrays.fill(from, ABSENT);
    }

    /**
     * Where the first key starts: the first quote in {@code s} must open the first value, right after
     * {@code key:} or {@code key=}. -1 when {@code s} holds no record.
     */
    static int start(String s) {
        int quote = s.indexOf('"');
        if (quote < 1) {
            return -1;
        }
        int sep = quote - 1;
        char c = s.charAt(sep);
        if (c != ':' && c != '=') {
            return -1;
        }
        int k = sep;
        while (k > 0 && keyChar(s.charAt(k - 1))) {
            k--;
        }
        return k < sep ? k : -1;
    }

    /** Scans the record whose first key is at {@code start}. */
    static CheckPointRecord scan(String s, int start) {
        CheckPointRecord r = new CheckPointRecord(s);
        r.run(start, s.lastIndexOf('[', start) >= 0);
        return r;
    }

    private void run(int i, boolean bracketed) {
        int n = s.length();
        while (true) {
            char c = 0;
            while (i < n && ((c = s.charAt(i)) == ' ' || c == ';' || c == '\t')) {
                i++;
            }
            if (i >= n) {
                if (bracketed) {
                    error = "record is not closed by ']' (line cut off?)";
                }
                return;
            }
            if (c == ']') {
                return;
            }
            int keyFrom = i;
            int hash = 0;
            while (i < n && (c = s.charAt(i)) != ':' && c != '=' && c != '"' && c != ';' && c != ' ' && c != ']') {
                hash = 31 * hash + c;
                i++;
            }
            int keyTo = i;
            if (i >= n || keyTo == keyFrom || c != ':' && c != '=') {
                error = keyTo == keyFrom ? "unexpected '" + c + "' where a key should start"
                        : "key '" + s.substring(keyFrom, keyTo) + "' has no value";
                return;
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                i++; // sys_message::"..." as some gateways write it
            }
            int valueFrom = i;
            int valueTo;
            if (i < n && s.charAt(i) == '"') {
                valueFrom = i + 1;
                valueTo = closingQuote(valueFrom);
                if (valueTo < 0) {
                    error = "value of '" + s.substring(keyFrom, keyTo) + "' is not closed (line cut off?)";
                    return;
                }
                i = valueTo + 1;
            } else {
                while (i < n && (c = s.charAt(i)) != ';' && c != ' ' && c != ']') {
                    i++;
                }
                valueTo = i;
            }
            int id = CheckPointKeys.lookup(hash, s, keyFrom, keyTo);
            if (id >= 0) {
                from[id] = valueFrom;
                to[id] = valueTo;
            }
            pairs++;
        }
    }

    private int closingQuote(int valueFrom) {
        int q = s.indexOf('"', valueFrom);
        while (q >= 0) {
            int backslashes = 0;
            while (q - 1 - backslashes >= valueFrom && s.charAt(q - 1 - backslashes) == '\\') {
                backslashes++;
            }
            if ((backslashes & 1) == 0 && ends(q + 1)) {
                return q;
            }
            q = s.indexOf('"', q + 1);
        }
        return -1;
    }

    /** After a closing quote: the end, a separator, the record's end, or blanks and the next key. */
    private boolean ends(int k) {
        int n = s.length();
        if (k >= n) {
            return true;
        }
        char c = s.charAt(k);
        if (c == ';' || c == ']') {
            return true;
        }
        if (c != ' ') {
            return false;
        }
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= n || (c = s.charAt(k)) == ';' || c == ']') {
            return true;
        }
        int key = k;
        while (k < n && keyChar(s.charAt(k))) {
            k++;
        }
        return k > key && k < n && (s.charAt(k) == ':' || s.charAt(k) == '=');
    }

    static boolean keyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    boolean has(int id) {
        return from[id] != ABSENT;
    }

    /** The value trimmed, escapes undone; null when absent or blank. */
    String text(int id) {
        int f = from[id];
        if (f == ABSENT) {
            return null;
        }
        int t = to[id];
        while (f < t && s.charAt(f) == ' ') {
            f++;
        }
        while (t > f && s.charAt(t - 1) == ' ') {
            t--;
        }
        if (f == t) {
            return null;
        }
        String v = s.substring(f, t);
        return v.indexOf('\\') < 0 ? v : unescape(v);
    }

    /** The first of the fields that has a value, as {@link #text}. */
    String first(int... ids) {
        for (int id : ids) {
            String v = text(id);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The decimal value of a field up to {@code max}; -1 when absent or blank, -2 when not such a number. */
    long number(int id, long max) {
        if (from[id] == ABSENT) {
            return -1;
        }
        int f = from[id];
        int t = to[id];
        while (f < t && s.charAt(f) == ' ') {
            f++;
        }
        while (t > f && s.charAt(t - 1) == ' ') {
            t--;
        }
        if (f == t) {
            return -1;
        }
        long v = CheckPointValues.digits(s, f, t, max);
        return v < 0 ? -2 : v;
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(i + 1);
                if (next == '"' || next == '\\' || next == ']' || next == ';' || next == '=') {
                    c = next;
                    i++;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
