package io.quietwatch.parse;

/**
 * A cursor over the blank-separated words of a plain-text RT_FLOW message. {@link #next()} moves to the
 * next word, whose bounds are {@link #from} and {@link #to}; {@link #reset(int)} goes back to a word
 * start. One instance per line; not thread-safe.
 */
final class SrxTokens {
    private final String s;
    private final int n;
    private int pos;
    int from;
    int to;

    SrxTokens(String s, int pos) {
        this.s = s;
        this.n = s.length();
        this.pos = pos;
    }

    /** Moves to the next word; false at the end of the text. */
    boolean next() {
        while (pos < n && s.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= n) {
            from = n;
            to = n;
            return false;
        }
        from = pos;
        while (pos < n && s.charAt(pos) != ' ') {
            pos++;
        }
        to = pos;
        return true;
    }

    /** Makes the word starting at {@code at} (an earlier {@link #from}) the current word again. */
    void reset(int at) {
        pos = at;
        next();
    }

    /** True when the current word is {@code word}. */
    boolean is(String word) {
        return to - from == word.length() && s.startsWith(word, from);
    }

    /** True when the current word is a Junos connection tag ({@code 0x0}, {@code 0x1a}). */
    boolean hex() {
        return to - from > 2 && s.charAt(from) == '0' && s.charAt(from + 1) == 'x';
    }

    /** The value of the current word as a decimal number up to {@code max}, or -1. */
    long number(long max) {
        return Digits.value(s, from, to, max);
    }

    /** Index of {@code c} in the current word, or -1. */
    int indexOf(char c) {
        int i = s.indexOf(c, from);
        return i >= 0 && i < to ? i : -1;
    }
}
