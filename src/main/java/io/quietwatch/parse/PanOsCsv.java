package io.quietwatch.parse;

/**
 * The comma-separated fields of one PAN-OS log line, found on demand: {@link #ensure} scans only as
 * far as the reader needs, so the dozens of trailing fields newer PAN-OS versions add cost nothing.
 *
 * <p>Quoting as PAN-OS writes it (RFC 4180): a field that starts with {@code "} runs to the next
 * {@code "} not doubled, and {@code ""} inside stands for one quote; text between the closing quote
 * and the next comma is ignored. A quote inside an unquoted field is an ordinary character. A quoted
 * field whose closing quote never comes means the line was cut off: that field and everything after
 * it count as absent.
 *
 * <p>Positions only, no copies: {@link #text} makes the one substring a reader keeps. One instance per
 * line; not thread-safe.
 */
final class PanOsCsv {
    /** {@link #number} of an absent or empty field. */
    static final long EMPTY = -1;
    /** {@link #number} of a field that is not an unsigned decimal number. */
    static final long NOT_A_NUMBER = -2;

    private static final int MAX_DIGITS = 18;

    private final String s;
    private final int end;
    private final int[] bounds;
    private int count;
    private int next;

    /** Fields of {@code s[0, end)}, at most {@code capacity} of them. */
    PanOsCsv(String s, int end, int capacity) {
        this.s = s;
        this.end = end;
        this.bounds = new int[2 * capacity];
    }

    String line() {
        return s;
    }

    /** Scans until {@code n} fields are known or the line ends; returns how many are known. */
    int ensure(int n) {
        int want = Math.min(n, bounds.length / 2);
        while (count < want && next >= 0) {
            scanOne();
        }
        return count;
    }

    /** True when field {@code i} exists (it may be empty). */
    boolean has(int i) {
        return ensure(i + 1) > i;
    }

    int from(int i) {
        return bounds[2 * i];
    }

    int to(int i) {
        return bounds[2 * i + 1];
    }

    /** True when field {@code i} is absent or empty. */
    boolean empty(int i) {
        return !has(i) || from(i) == to(i);
    }

    /** True when field {@code i} is exactly {@code word}. */
    boolean is(int i, String word) {
        return has(i) && to(i) - from(i) == word.length() && s.startsWith(word, from(i));
    }

    /** True when fields {@code i} and {@code j} exist and hold the same text. */
    boolean same(int i, int j) {
        if (!has(i) || !has(j)) {
            return false;
        }
        int length = to(i) - from(i);
        return length == to(j) - from(j) && s.regionMatches(from(i), s, from(j), length);
    }

    /** True when field {@code i} is {@code word} in any letter case. */
    boolean isIgnoreCase(int i, String word) {
        return has(i) && to(i) - from(i) == word.length() && s.regionMatches(true, from(i), word, 0, word.length());
    }

    /** The field's text without its quotes, or null when it is absent or empty. */
    String text(int i) {
        if (empty(i)) {
            return null;
        }
        int from = from(i);
        int to = to(i);
        if (from > 0 && s.charAt(from - 1) == '"') {
            int quote = s.indexOf('"', from);
            if (quote >= 0 && quote < to) {
                return unescape(from, to);
            }
        }
        return s.substring(from, to);
    }

    /** The unsigned decimal number in field {@code i}, {@link #EMPTY} or {@link #NOT_A_NUMBER}. */
    long number(int i) {
        if (empty(i)) {
            return EMPTY;
        }
        long value = to(i) - from(i) > MAX_DIGITS ? -1 : Digits.value(s, from(i), to(i), Long.MAX_VALUE);
        return value < 0 ? NOT_A_NUMBER : value;
    }

    private void scanOne() {
        int start = next;
        if (start < end && s.charAt(start) == '"') {
            scanQuoted(start);
            return;
        }
        // Most fields are a few characters long: a plain loop beats String.indexOf's set-up cost.
        int p = start;
        while (p < end && s.charAt(p) != ',') {
            p++;
        }
        add(start, p);
        next = p < end ? p + 1 : -1;
    }

    private void scanQuoted(int start) {
        int p = start + 1;
        while (true) {
            int quote = s.indexOf('"', p);
            if (quote < 0 || quote >= end) {
                next = -1;
                return;
            }
            if (quote + 1 < end && s.charAt(quote + 1) == '"') {
                p = quote + 2;
                continue;
            }
            add(start + 1, quote);
            int comma = s.indexOf(',', quote + 1);
            next = comma < 0 || comma >= end ? -1 : comma + 1;
            return;
        }
    }

    private void add(int from, int to) {
        bounds[2 * count] = from;
        bounds[2 * count + 1] = to;
        count++;
    }

    private String unescape(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int p = from; p < to; p++) {
            char c = s.charAt(p);
            sb.append(c);
            if (c == '"' && p + 1 < to && s.charAt(p + 1) == '"') {
                p++;
            }
        }
        return sb.toString();
    }
}
