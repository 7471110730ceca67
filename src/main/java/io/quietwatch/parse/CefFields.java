package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;

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
    /** Per id: value start + 1 (0: the key was not seen), then value end. */
    private final int[] bounds;
    private final boolean escapes;
    /**
     * The line's first backslash, or its length when it has none: values that end before it are taken
     * as written without a look for escapes (one search per line instead of one per value).
     */
    private final int firstSlash;

    /** @param escapes whether backslash escapes apply (CEF) or values are taken as written (LEEF) */
    CefFields(String s, int size, boolean escapes) {
        this.s = s;
        this.bounds = new int[2 * size];
        this.escapes = escapes;
        int slash = escapes ? s.indexOf('\\') : -1;
        this.firstSlash = slash < 0 ? s.length() : slash;
    }

    String line() {
        return s;
    }

    void set(int id, int valueFrom, int valueTo) {
        bounds[2 * id] = valueFrom + 1;
        bounds[2 * id + 1] = valueTo;
    }

    /** True when the key was on the line, even with an empty value. */
    boolean has(int id) {
        return bounds[2 * id] != 0;
    }

    /** True when the key was on the line with a value that is not blank or a placeholder. */
    boolean present(int id) {
        return bounds[2 * id] != 0 && !placeholder(s, bounds[2 * id] - 1, bounds[2 * id + 1]);
    }

    /** Where the value starts, or {@link #ABSENT}. */
    int from(int id) {
        return bounds[2 * id] - 1;
    }

    int to(int id) {
        return bounds[2 * id + 1];
    }

    /**
     * The value as text, escapes undone and surrounding quotes dropped; null when absent, empty, or a
     * placeholder such as {@code -}, {@code None} or {@code N/A} that devices write for "no value"; never
     * empty, so not null exactly when {@link #present} holds.
     */
    String text(int id) {
        int f = from(id);
        int t = to(id);
        if (f == ABSENT || placeholder(s, f, t)) {
            return null;
        }
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
        return from(id) == ABSENT ? ABSENT : number(s, from(id), to(id));
    }

    /** {@link #number} as a boxed value, null when absent or not a number. */
    Long boxedNumber(int id) {
        long n = number(id);
        return n == ABSENT ? null : Long.valueOf(n);
    }

    /** The value as an IP address literal (original text), or null when it is not one. */
    String address(int id) {
        return from(id) == ABSENT ? null : IpAddresses.literal(s, from(id), to(id));
    }

    /** The value is the unspecified IPv4 address, which devices write for "no translation". */
    boolean unspecifiedAddress(int id) {
        return from(id) != ABSENT && s.startsWith("0.0.0.0", from(id)) && to(id) - from(id) == 7;
    }

    private String unescape(int f, int t) {
        if (!escapes || t <= firstSlash) {
            return s.substring(f, t);
        }
        int slash = f;
        while (slash < t && s.charAt(slash) != '\\') {
            slash++;
        }
        if (slash == t) {
            return s.substring(f, t);
        }
        char[] out = new char[t - f];
        s.getChars(f, slash, out, 0);
        int n = slash - f;
        for (int i = slash; i < t; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == t) {
                out[n++] = c;
                continue;
            }
            char next = s.charAt(i + 1);
            switch (next) {
                case '\\', '=', '|' -> out[n++] = next;
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                default -> {
                    out[n++] = c;
                    continue;
                }
            }
            i++;
        }
        return new String(out, 0, n);
    }

    /** The decimal number in {@code s[f, t)} (at most 18 digits), or {@link #ABSENT}. */
    static long number(String s, int f, int t) {
        return t - f > 18 ? ABSENT : Digits.value(s, f, t, Long.MAX_VALUE);
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
        char c = s.charAt(f);
        if (n == 1) {
            return c == '-';
        }
        if (n > 4 || (c | 0x20) != 'n') {
            return false;
        }
        char c1 = (char) (s.charAt(f + 1) | 0x20);
        return switch (n) {
            case 2 -> c1 == 'a';
            case 3 -> c1 == '/' && (s.charAt(f + 2) | 0x20) == 'a';
            default -> c1 == 'o' && (s.charAt(f + 2) | 0x20) == 'n' && (s.charAt(f + 3) | 0x20) == 'e'
                    || c1 == 'u' && (s.charAt(f + 2) | 0x20) == 'l' && (s.charAt(f + 3) | 0x20) == 'l';
        };
    }
}
