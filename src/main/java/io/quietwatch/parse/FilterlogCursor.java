package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;

/**
 * The comma-separated fields of one filterlog record, read left to right. A field's value is its text
 * without surrounding blanks, as pfSense pads some ({@code datalength=8 }, {@code tstampreply, 1,2}).
 * A record that ends with a comma has an empty last field. Failures throw
 * {@link FilterlogSyntaxException} naming the field. One cursor per line; not thread-safe.
 */
final class FilterlogCursor {
    private static final int MAX_QUOTED = 40;

    private final String s;
    private final int end;
    private int next;
    private int from;
    private int to;

    /** A cursor before the first field of {@code s[start, end)}. */
    FilterlogCursor(String s, int start, int end) {
        this.s = s;
        this.end = end;
        this.next = start;
    }

    String text() {
        return s;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /** True when the record has a field after the current one. */
    boolean hasNext() {
        return next <= end;
    }

    /** Moves to the next field; false, without moving, when the record has no more fields. */
    boolean next() {
        if (next > end) {
            return false;
        }
        int comma = s.indexOf(',', next);
        int stop = comma < 0 || comma > end ? end : comma;
        int a = next;
        int b = stop;
        while (a < b && s.charAt(a) == ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == ' ') {
            b--;
        }
        from = a;
        to = b;
        next = stop + 1;
        return true;
    }

    /** Moves to the next field, which the record must have. */
    void require(String field) {
        if (!next()) {
            throw missing(field);
        }
    }

    boolean isEmpty() {
        return from == to;
    }

    /** True when the current field is exactly {@code word}. */
    boolean is(String word) {
        return to - from == word.length() && s.startsWith(word, from);
    }

    /** True when the current field is {@code word}, ignoring case. */
    boolean isIgnoringCase(String word) {
        return to - from == word.length() && s.regionMatches(true, from, word, 0, word.length());
    }

    boolean startsWith(String prefix) {
        return to - from >= prefix.length() && s.startsWith(prefix, from);
    }

    /** True when {@code part} occurs in the current field. */
    boolean contains(String part) {
        int at = s.indexOf(part, from);
        return at >= 0 && at + part.length() <= to;
    }

    /** The first character of the current field, or {@code '\0'} when it is empty. */
    char first() {
        return from < to ? s.charAt(from) : '\0';
    }

    String value() {
        return s.substring(from, to);
    }

    /** The current field, or {@code known} when the field is that word (no new string for common values). */
    String value(String known) {
        return is(known) ? known : value();
    }

    /** The next field as an unsigned decimal no larger than {@code max}. */
    int number(String field, int max) {
        require(field);
        return current(field, max);
    }

    /** The current field as an unsigned decimal no larger than {@code max}. */
    int current(String field, int max) {
        if (from == to) {
            throw new FilterlogSyntaxException(field + " is empty");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || i - from >= 10) {
                throw new FilterlogSyntaxException(field + " is not a number: " + quoted());
            }
            value = value * 10 + (c - '0');
        }
        if (value > max) {
            throw new FilterlogSyntaxException(field + " is out of range: " + quoted());
        }
        return (int) value;
    }

    /** True when the current field is empty or all digits, as pf writes a rule number or leaves it out. */
    boolean digitsOrEmpty() {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The next field, an IPv4 or IPv6 literal. */
    String address(String field) {
        require(field);
        String text = IpAddresses.literal(s, from, to);
        if (text != null) {
            return text;
        }
        throw new FilterlogSyntaxException(field + " is not an IP address: " + quoted());
    }

    /** The failure for a field the record ends before. */
    FilterlogSyntaxException missing(String field) {
        return new FilterlogSyntaxException("missing " + field + " (line cut off?)");
    }

    /** The current field for a failure message: in quotes, cut short, control characters as '?'. */
    String quoted() {
        int stop = Math.min(to, from + MAX_QUOTED);
        StringBuilder sb = new StringBuilder(stop - from + 5).append('\'');
        for (int i = from; i < stop; i++) {
            char c = s.charAt(i);
            sb.append(c < ' ' || c == 0x7F ? '?' : c);
        }
        return sb.append(stop < to ? "...'" : "'").toString();
    }
}
