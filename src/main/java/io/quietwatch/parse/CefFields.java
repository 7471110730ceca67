package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;

import java.util.Arrays;

/**
 * The values of one line's key=value pairs, by field id: where each value lies in the line, read into
 * text, numbers and addresses only when asked. When a key repeats, the last value wins (as a map).
 * Backslash escapes ({@code \=}, {@code \\}, {@code \n}, {@code \r}, and the {@code \|} some senders
 * write) are undone only in values that hold a backslash; any other backslash stays as written, so
 * a Windows path sent without escaping survives. One instance per line; not thread-safe.
 */
final class CefFields {
    static final int ABSENT = -1;

    private final String s;
    private final int[] from;
    private final int[] to;
    private final boolean escapes;

    /** @param escapes whether backslash escapes apply (CEF) or values are taken as written (LEEF) */
    CefFields(String s, int size, boolean escapes) {
        this.s = s;
        this.from = new int[size];
        this.to = new int[size];
        this.escapes = escapes;
        Arrays.fill(from, ABSENT);
    }

    String line() {
        return s;
    }

    void set(int id, int valueFrom, int valueTo) {
        from[id] = valueFrom;
        to[id] = valueTo;
    }

    /** True when the key was on the line, even with an empty value. */
    boolean has(int id) {
        return from[id] != ABSENT;
    }

    /** True when the key was on the line with a value that is not blank or a placeholder. */
    boolean present(int id) {
        return from[id] != ABSENT && !placeholder(s, from[id], to[id]);
    }

    int from(int id) {
        return from[id];
    }

    int to(int id) {
        return to[id];
    }

    /**
     * The value as text, escapes undone and surrounding quotes dropped; null when absent, empty, or a
     * placeholder such as {@code -}, {@code None} or {@code N/A} that devices write for "no value".
     */
    String text(int id) {
        if (!present(id)) {
            return null;
        }
        int f = from[id];
        int t = to[id];
        char first = s.charAt(f);
        if (t - f > 2 && (first == '"' || first == '\'') && s.charAt(t - 1) == first) {
            // some senders quote values, though neither format has quoting
            f++;
            t--;
        }
        return unescape(f, t);
    }

    /** The value as a non-negative decimal number, or {@link #ABSENT} when it is not one. */
    long number(int id) {
        return from[id] == ABSENT ? ABSENT : number(s, from[id], to[id]);
    }

    /** {@link #number} as a boxed value, null when absent or not a number. */
    Long boxedNumber(int id) {
        long n = number(id);
        return n == ABSENT ? null : Long.valueOf(n);
    }

    /** The value as an IP address literal (original text), or null when it is not one. */
    String address(int id) {
        if (from[id] == ABSENT || from[id] == to[id]) {
            return null;
        }
        int f = from[id];
        int t = to[id];
        if (IpAddresses.parseIpv4(s, f, t) >= 0) {
            return s.substring(f, t);
        }
        String text = s.substring(f, t);
        return text.indexOf(':') >= 0 && IpAddresses.isAddress(text) ? text : null;
    }

    /** The value is the unspecified IPv4 address, which devices write for "no translation". */
    boolean unspecifiedAddress(int id) {
        return from[id] != ABSENT && s.startsWith("0.0.0.0", from[id]) && to[id] - from[id] == 7;
    }

    /** True when the value as written equals {@code word}, ignoring case. */
    boolean is(int id, String word) {
        return from[id] != ABSENT && to[id] - from[id] == word.length()
                && s.regionMatches(true, from[id], word, 0, word.length());
    }

    private String unescape(int f, int t) {
        if (!escapes) {
            return s.substring(f, t);
        }
        int slash = s.indexOf('\\', f);
        if (slash < 0 || slash >= t) {
            return s.substring(f, t);
        }
        StringBuilder sb = new StringBuilder(t - f);
        sb.append(s, f, slash);
        for (int i = slash; i < t; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == t) {
                sb.append(c);
                continue;
            }
            char next = s.charAt(i + 1);
            switch (next) {
                case '\\', '=', '|' -> sb.append(next);
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default -> {
                    sb.append(c);
                    continue;
                }
            }
            i++;
        }
        return sb.toString();
    }

    /** The decimal number in {@code s[f, t)} (at most 18 digits), or {@link #ABSENT}. */
    static long number(String s, int f, int t) {
        if (f >= t || t - f > 18) {
            return ABSENT;
        }
        long value = 0;
        for (int i = f; i < t; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return ABSENT;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Blank, {@code -}, {@code None}, {@code N/A}, {@code NA} or {@code null}, in any case. */
    static boolean placeholder(String s, int f, int t) {
        while (f < t && s.charAt(f) == ' ') {
            f++;
        }
        int n = t - f;
        if (n == 0) {
            return true;
        }
        return switch (n) {
            case 1 -> s.charAt(f) == '-';
            case 2 -> s.regionMatches(true, f, "NA", 0, 2);
            case 3 -> s.regionMatches(true, f, "N/A", 0, 3);
            case 4 -> s.regionMatches(true, f, "None", 0, 4) || s.regionMatches(true, f, "null", 0, 4);
            default -> false;
        };
    }
}
