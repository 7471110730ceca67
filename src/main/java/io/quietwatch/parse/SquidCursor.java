package io.quietwatch.parse;

/**
 * Walks the fields of one access log line: runs of spaces separate fields, a field that starts with
 * {@code "} runs to the next unescaped {@code "} (Squid, Apache and Cisco WSA escape a quote inside as
 * {@code \"}), and {@code [...]} holds a time stamp. After {@link #next()} the current field's text is
 * {@code line[from, to)}, without its quotes. Failures throw {@link SquidSyntaxException} naming the
 * field. One cursor per line; not thread-safe.
 */
final class SquidCursor {
    private final String s;
    private final int end;
    private int pos;
    /** Start of the current field's text. */
    int from;
    /** End (exclusive) of the current field's text. */
    int to;
    /** Whether the current field was written in quotes. */
    boolean quoted;

    /** A cursor over {@code s[from, end)}. */
    SquidCursor(String s, int from, int end) {
        this.s = s;
        this.pos = from;
        this.end = end;
    }

    String line() {
        return s;
    }

    /** Moves to the next field; false when the line has no more. */
    boolean next() {
        while (pos < end && s.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= end) {
            return false;
        }
        if (s.charAt(pos) == '"') {
            quotedField();
        } else {
            from = pos;
            while (pos < end && s.charAt(pos) != ' ') {
                pos++;
            }
            to = pos;
            quoted = false;
        }
        return true;
    }

    /** Moves to the next field, which the line must have. */
    void require(String field) {
        if (!next()) {
            throw new SquidSyntaxException("missing " + field + " (line cut off?)");
        }
    }

    /** Moves to the next field, which must be a {@code [...]} group (its text is inside the brackets). */
    void requireBracketed(String field) {
        while (pos < end && s.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= end) {
            throw new SquidSyntaxException("missing " + field + " (line cut off?)");
        }
        if (s.charAt(pos) != '[') {
            throw new SquidSyntaxException(field + " is not in [ ] at offset " + pos);
        }
        if (!bracketed()) {
            throw new SquidSyntaxException(field + " has no closing ] (line cut off?)");
        }
    }

    /** Moves to the next field if it is a whole {@code [...]} group; false (not moving) otherwise. */
    boolean nextBracketed() {
        int p = pos;
        while (p < end && s.charAt(p) == ' ') {
            p++;
        }
        if (p >= end || s.charAt(p) != '[') {
            return false;
        }
        pos = p;
        return bracketed();
    }

    private boolean bracketed() {
        int close = s.indexOf(']', pos + 1);
        if (close < 0 || close >= end) {
            return false;
        }
        from = pos + 1;
        to = close;
        quoted = false;
        pos = close + 1;
        return true;
    }

    /** True when the field is {@code -} (or {@code "-"}), the formats' "absent". */
    boolean dash() {
        return to - from == 1 && s.charAt(from) == '-';
    }

    /** The field's text, or null when it is {@code -} or empty. */
    String text() {
        return to == from || dash() ? null : s.substring(from, to);
    }

    /** The field's text with {@code \"} and {@code \\} unescaped, or null when it is {@code -} or empty. */
    String unescapedText() {
        String t = text();
        return t == null || !quoted || t.indexOf('\\') < 0 ? t : SquidText.unescape(t);
    }

    /** Index of {@code c} in the current field, or -1. */
    int indexOf(char c) {
        int i = s.indexOf(c, from);
        return i >= 0 && i < to ? i : -1;
    }

    /** The field as an unsigned decimal number, null for {@code -}. */
    Long number(String field) {
        if (dash()) {
            return null;
        }
        long n = SquidText.number(s, from, to);
        if (n < 0) {
            throw new SquidSyntaxException(field + " is not a number at offset " + from);
        }
        return n;
    }

    private void quotedField() {
        int i = pos + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < end) {
                i += 2;
            } else if (c == '"') {
                break;
            } else {
                i++;
            }
        }
        if (i >= end) {
            throw new SquidSyntaxException("quoted field at offset " + pos + " has no closing quote (line cut off?)");
        }
        from = pos + 1;
        to = i;
        quoted = true;
        pos = i + 1;
    }
}
