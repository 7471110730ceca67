package io.quietwatch.parse;

import static io.quietwatch.parse.ZeekFields.CONN_STATE;
import static io.quietwatch.parse.ZeekFields.HOST;
import static io.quietwatch.parse.ZeekFields.MISSED_BYTES;
import static io.quietwatch.parse.ZeekFields.PATH;
import static io.quietwatch.parse.ZeekFields.TAGS;
import static io.quietwatch.parse.ZeekFields.TRANS_DEPTH;

/**
 * One line of a Zeek JSON log ({@code LogAscii::use_json=T}): a flat object whose keys are the log's
 * field names. A hand-written scanner, not a tree: the values of the keys {@link ZeekJsonKeys} knows are
 * kept as ranges of the line (strings without their quotes, arrays as their first string element), all
 * other values, nested ones included, are skipped. The first of repeated keys wins; {@code null} is unset.
 *
 * <p>The record's kind comes from {@code _path} when the writer logs it, else from keys only that log
 * has: {@code conn_state} or {@code missed_bytes} for conn, {@code trans_depth} with {@code tags} or
 * {@code host} for http (smtp and sip have a {@code trans_depth} too, but neither of those).
 */
final class ZeekJson {
    private final String s;
    private final int start;
    private final int end;
    private final ZeekFields f;
    private int p;

    private ZeekJson(String s, int start, int end) {
        this.s = s;
        this.start = start;
        this.end = end;
        this.f = new ZeekFields(s, true);
        this.p = start;
    }

    /**
     * Reads the object in {@code s[start, end)}; {@code s.charAt(start)} is its {@code '{'}.
     *
     * @throws ZeekSyntaxException when the object is cut off or is not JSON
     */
    static ZeekFields read(String s, int start, int end) {
        ZeekJson json = new ZeekJson(s, start, end);
        json.object();
        json.skipBlanks();
        if (json.p < end) {
            throw json.fail("text after the JSON object");
        }
        json.f.kind = kind(json.f);
        return json.f;
    }

    private static ZeekFields.Kind kind(ZeekFields f) {
        if (f.has(PATH)) {
            return f.is(PATH, "conn") ? ZeekFields.Kind.CONN
                    : f.is(PATH, "http") ? ZeekFields.Kind.HTTP : ZeekFields.Kind.OTHER;
        }
        if (f.has(CONN_STATE) || f.has(MISSED_BYTES)) {
            return ZeekFields.Kind.CONN;
        }
        return f.has(TRANS_DEPTH) && (f.has(TAGS) || f.has(HOST)) ? ZeekFields.Kind.HTTP : ZeekFields.Kind.OTHER;
    }

    private void object() {
        p++;
        skipBlanks();
        if (peek() == '}') {
            p++;
            return;
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw fail("expected a key");
            }
            int keyFrom = p + 1;
            int keyTo = stringEnd(keyFrom);
            p = keyTo + 1;
            skipBlanks();
            if (peek() != ':') {
                throw fail("expected ':' after a key");
            }
            p++;
            skipBlanks();
            value(ZeekJsonKeys.slot(s, keyFrom, keyTo));
            skipBlanks();
            char c = peek();
            p++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                p--;
                throw fail("expected ',' or '}'");
            }
        }
    }

    private void value(int slot) {
        char c = peek();
        if (c == '"') {
            int from = p + 1;
            int to = stringEnd(from);
            p = to + 1;
            keep(slot, from, to);
        } else if (c == '[') {
            int open = p;
            if (slot != ZeekJsonKeys.UNUSED) {
                firstElement(slot);
            }
            p = open;
            skipComposite();
        } else if (c == '{') {
            skipComposite();
        } else {
            int from = p;
            while (p < end && !isDelimiter(s.charAt(p))) {
                p++;
            }
            if (p == from) {
                throw fail("expected a value");
            }
            if (!(p - from == 4 && s.startsWith("null", from))) {
                keep(slot, from, p);
            }
        }
    }

    /** An array's first string element; an empty range when it has none, so the key still counts as present. */
    private void firstElement(int slot) {
        p++;
        skipBlanks();
        if (peek() == '"') {
            int from = p + 1;
            keep(slot, from, stringEnd(from));
        } else {
            keep(slot, p, p);
        }
    }

    private void keep(int slot, int from, int to) {
        if (slot != ZeekJsonKeys.UNUSED && !f.has(slot)) {
            f.set(slot, from, to);
        }
    }

    /** Skips the array or object at {@code p}, nested ones and strings with brackets included. */
    private void skipComposite() {
        int depth = 0;
        while (p < end) {
            char c = s.charAt(p);
            if (c == '"') {
                p = stringEnd(p + 1) + 1;
                continue;
            }
            p++;
            if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return;
            }
        }
        throw fail("JSON object cut off");
    }

    /** The index of the quote closing the string whose text starts at {@code from}. */
    private int stringEnd(int from) {
        int q = s.indexOf('"', from);
        while (q >= 0 && q < end) {
            int b = q - 1;
            while (b >= from && s.charAt(b) == '\\') {
                b--;
            }
            if ((q - 1 - b) % 2 == 0) {
                return q;
            }
            q = s.indexOf('"', q + 1);
        }
        p = end;
        throw fail("JSON string cut off");
    }

    private char peek() {
        if (p >= end) {
            throw fail("JSON object cut off");
        }
        return s.charAt(p);
    }

    private void skipBlanks() {
        while (p < end) {
            char c = s.charAt(p);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            p++;
        }
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private ZeekSyntaxException fail(String problem) {
        return new ZeekSyntaxException(problem + " at offset " + (p - start));
    }
}
