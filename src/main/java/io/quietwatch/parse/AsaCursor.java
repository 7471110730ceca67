package io.quietwatch.parse;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * A read position in one line of text with the moves a hand-written scanner needs: keywords,
 * words, bounded substrings, unsigned numbers and {@code h:mm:ss} durations. Every failure throws
 * {@link AsaSyntaxException} whose message names the field and the offset. One cursor per line;
 * not thread-safe.
 */
final class AsaCursor {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String text;
    private final int end;
    private int pos;
    private String product;
    private String messageId;

    /** A cursor over {@code text[from, end)}. */
    AsaCursor(String text, int from, int end) {
        this.text = text;
        this.pos = Math.min(from, end);
        this.end = end;
    }

    /** What failure messages start with: the product and message id being read (either may be null). */
    void label(String product, String messageId) {
        this.product = product;
        this.messageId = messageId;
    }

    String text() {
        return text;
    }

    int pos() {
        return pos;
    }

    void pos(int to) {
        pos = Math.max(0, Math.min(to, end));
    }

    int end() {
        return end;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** The current character, or {@code '\0'} at the end. */
    char peek() {
        return pos < end ? text.charAt(pos) : '\0';
    }

    void advance(int n) {
        pos(pos + n);
    }

    void skipSpaces() {
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** Consumes {@code literal} exactly as given if it is next; no space skipping. */
    boolean tryLiteral(String literal) {
        if (pos + literal.length() <= end && text.startsWith(literal, pos)) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    /**
     * After optional spaces, consumes {@code word} (ignoring case) when it stands alone: the next
     * character is not a letter or digit. Leaves the position unchanged when the word is not next.
     */
    boolean tryKeyword(String word) {
        int save = pos;
        skipSpaces();
        int after = pos + word.length();
        // ASA writes its keywords in one case; the case-blind comparison is the slow fallback
        if (after <= end && (text.startsWith(word, pos) || text.regionMatches(true, pos, word, 0, word.length()))
                && (after == end || !Character.isLetterOrDigit(text.charAt(after)))) {
            pos = after;
            return true;
        }
        pos = save;
        return false;
    }

    /** As {@link #tryKeyword(String)}, failing when the word is not next. */
    void keyword(String word) {
        if (!tryKeyword(word)) {
            skipSpaces();
            throw fail("expected '" + word + "'");
        }
    }

    /** After optional spaces, the text up to the next space or the end; at least one character. */
    String word(String what) {
        skipSpaces();
        int start = pos;
        while (pos < end && text.charAt(pos) != ' ') {
            pos++;
        }
        if (pos == start) {
            throw fail("no " + what);
        }
        return text.substring(start, pos);
    }

    /** The text from here up to {@code to} (exclusive), which must be non-empty; moves to {@code to}. */
    String take(int to, String what) {
        return take(to, what, "");
    }

    /** As {@link #take(int, String)}, naming the text {@code what + whose} in errors (composed only on failure). */
    String take(int to, String what, String whose) {
        if (to <= pos || to > end) {
            throw fail("no " + what + whose);
        }
        String s = text.substring(pos, to);
        pos = to;
        return s;
    }

    /** The rest of the line without surrounding spaces (possibly empty); moves to the end. */
    String rest() {
        skipSpaces();
        String s = pos < end ? text.substring(pos, end) : "";
        pos = end;
        return s;
    }

    /** Index of {@code c} at or after the position and before the end, or -1. */
    int indexOf(char c) {
        int i = text.indexOf(c, pos);
        return i < end ? i : -1;
    }

    /** Index of {@code s} at or after the position, wholly before the end, or -1. */
    int find(String s) {
        int i = text.indexOf(s, pos);
        return i >= 0 && i + s.length() <= end ? i : -1;
    }

    /** After optional spaces, an unsigned decimal of at most 18 digits ending at a delimiter. */
    long number(String what) {
        long v = numberOrMinus();
        if (v < 0) {
            throw fail(what + " is not a number");
        }
        return v;
    }

    /** As {@link #number(String)}, but -1 (position unchanged) instead of a failure. */
    private long numberOrMinus() {
        skipSpaces();
        int start = pos;
        long value = 0;
        while (pos < end && pos - start < 19) {
            char c = text.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            pos++;
        }
        if (pos == start || pos - start > 18 || !delimiterAt(pos)) {
            pos = start;
            return -1;
        }
        return value;
    }

    /** A TCP/UDP port, 0 to 65535. */
    int port(String what) {
        return port(what, "");
    }

    /** A TCP/UDP port; {@code what + suffix} names it in errors (composed only on failure). */
    int port(String what, String suffix) {
        int start = pos;
        long v = numberOrMinus();
        if (v < 0) {
            throw fail(what + suffix + " is not a number");
        }
        if (v > 65_535) {
            pos = start;
            throw fail(what + suffix + " is out of range");
        }
        return (int) v;
    }

    /** A number that fits an {@code int}. */
    int integer(String what) {
        int start = pos;
        long v = number(what);
        if (v > Integer.MAX_VALUE) {
            pos = start;
            throw fail(what + " is out of range");
        }
        return (int) v;
    }

    /** After optional spaces, a run of digits (at most 20) ending at a delimiter, as text. */
    String digits(String what) {
        skipSpaces();
        int start = pos;
        while (pos < end && pos - start <= 20 && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start || pos - start > 20 || !delimiterAt(pos)) {
            pos = start;
            throw fail(what + " is not a number");
        }
        return text.substring(start, pos);
    }

    /**
     * After optional spaces, a duration {@code h:mm:ss} in nanoseconds. Hours are unbounded in the
     * format (a connection open for weeks shows {@code 400:00:00}); six digits are accepted.
     */
    long durationNanos(String what) {
        skipSpaces();
        int start = pos;
        long hours = run(6);
        long minutes = hours >= 0 && tryLiteral(":") ? run(2) : -1;
        long seconds = minutes >= 0 && tryLiteral(":") ? run(2) : -1;
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59
                || pos < end && text.charAt(pos) != ' ') {
            pos = start;
            throw fail(what + " is not h:mm:ss");
        }
        return ((hours * 60 + minutes) * 60 + seconds) * NANOS_PER_SECOND;
    }

    /**
     * After optional spaces, a VPN session duration in nanoseconds as 113019 writes it:
     * {@code 1h:02m:03s}, with a day count in front for long sessions ({@code 1d 19h:41m:14s}), or
     * the connection form {@code h:mm:ss}. It ends at a comma, a space or the end.
     */
    long sessionDurationNanos(String what) {
        skipSpaces();
        int start = pos;
        long days = 0;
        long hours = run(6);
        if (hours >= 0 && tryLiteral("d")) {
            days = hours;
            skipSpaces();
            hours = run(6);
        }
        boolean units = days > 0 || pos < end && text.charAt(pos) == 'h';
        long minutes = hours >= 0 && tryLiteral(units ? "h:" : ":") ? run(2) : -1;
        long seconds = minutes >= 0 && tryLiteral(units ? "m:" : ":") ? run(2) : -1;
        if (seconds < 0 || minutes > 59 || seconds > 59 || units && !tryLiteral("s")
                || pos < end && text.charAt(pos) != ',' && text.charAt(pos) != ' ') {
            pos = start;
            throw fail(what + " is not [Nd ]Hh:MMm:SSs");
        }
        return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * NANOS_PER_SECOND;
    }

    /** A failure at the current position, to be thrown by the caller. */
    AsaSyntaxException fail(String problem) {
        StringBuilder sb = new StringBuilder(80);
        if (product != null) {
            sb.append(product).append(messageId == null ? "" : " " + messageId).append(": ");
        }
        return new AsaSyntaxException(sb.append(problem).append(" at offset ").append(pos).toString());
    }

    /** 1 to {@code max} digits as a value, or -1 when there are none or too many. */
    private long run(int max) {
        int start = pos;
        long v = 0;
        while (pos < end && isDigit(text.charAt(pos))) {
            if (pos - start == max) {
                return -1;
            }
            v = v * 10 + (text.charAt(pos) - '0');
            pos++;
        }
        return pos == start ? -1 : v;
    }

    private boolean delimiterAt(int i) {
        if (i >= end) {
            return true;
        }
        char c = text.charAt(i);
        return c == ' ' || c == '(' || c == ')' || c == ',' || c == ']' || c == ':' || c == ';';
    }
}
