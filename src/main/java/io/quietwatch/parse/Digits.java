package io.quietwatch.parse;

/** Unsigned decimal numbers read by hand from a range of a line: no regular expression, no copy. */
final class Digits {
    /** A long holds any 18 digits; 19 only up to {@link Long#MAX_VALUE}. */
    static final int MAX_LONG_DIGITS = 19;

    private Digits() {
    }

    /** True for the ASCII digits 0-9 (not the other scripts' digits {@link Character#isDigit} knows). */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of {@code s[from, to)} if it is 1-19 digits and at most {@code max}, else -1. */
    static long value(String s, int from, int to, long max) {
        if (from < 0 || from >= to || to - from > MAX_LONG_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value < 0 || value > max) {
                return -1;
            }
        }
        return value;
    }

    /** The value of exactly {@code count} digits at {@code p}, or -1 (also when the line ends first). */
    static int fixed(String s, int p, int count) {
        if (count <= 0 || p < 0 || p + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = p; i < p + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
