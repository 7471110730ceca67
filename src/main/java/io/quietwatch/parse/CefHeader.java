package io.quietwatch.parse;

/**
 * The pipe-separated header of a CEF or LEEF line: where each field lies, found in one pass that
 * honours the header escapes {@code \|} and {@code \\}. Field 0 is the version (the digits after
 * {@code CEF:} or {@code LEEF:}); the fields after it are the vendor's. One instance per line, or a
 * shared copy of a whole header ({@link #detached}, kept by {@link CefHeaders}) whose {@link #source}
 * is the header's own text and whose field texts are made once.
 */
final class CefHeader {
    private final String s;
    /** Per field: where it starts, then where it ends. */
    private final int[] bounds;
    private int count;
    private int end;
    /** Whether a backslash occurs in the fields read: without one, {@link #text} takes them as written. */
    private boolean escaped;
    /** The field texts of a detached header, made on first use (null per line). */
    private final String[] texts;
    /** The extension keys the last line with this detached header had (null per line). */
    private KeyLayout layout;

    private CefHeader(String s, int fields) {
        this.s = s;
        this.bounds = new int[2 * fields];
        this.texts = null;
    }

    private CefHeader(String s, int[] bounds, int count, boolean escaped) {
        this.s = s;
        this.bounds = bounds;
        this.count = count;
        this.end = s.length();
        this.escaped = escaped;
        this.texts = new String[count];
        this.layout = KeyLayout.EMPTY;
    }

    /**
     * Reads up to {@code fields} pipe-terminated fields from {@code start} (the version). When
     * {@code lastStop} is not 0, the last field also ends at that character (LEEF 1.0 senders that
     * drop the pipe before a tab-separated payload). {@link #count()} tells how many were found.
     */
    static CefHeader read(String s, int start, int fields, char lastStop) {
        CefHeader h = new CefHeader(s, fields);
        int n = s.length();
        int i = start;
        int fieldStart = start;
        while (i < n && h.count < fields) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                h.escaped = true;
                i += 2;
                continue;
            }
            if (c == '|' || lastStop != 0 && c == lastStop && h.count == fields - 1) {
                h.bounds[2 * h.count] = fieldStart;
                h.bounds[2 * h.count + 1] = i;
                h.count++;
                fieldStart = c == '|' ? i + 1 : i;
            }
            i++;
        }
        h.end = h.count == fields ? fieldStart : n;
        if (h.count < fields) {
            // the unterminated rest, for the caller to judge (a CEF severity without its pipe)
            h.bounds[2 * h.count] = fieldStart;
            h.bounds[2 * h.count + 1] = n;
        }
        return h;
    }

    /**
     * This complete header ({@link #count()} fields read) apart from its line: the text from
     * {@code start} (where it was read from) to {@link #end()}, with the same fields. Safe to share
     * between threads.
     */
    CefHeader detached(int start) {
        int[] shifted = new int[bounds.length];
        for (int i = 0; i < 2 * count; i++) {
            shifted[i] = bounds[i] - start;
        }
        return new CefHeader(s.substring(start, end), shifted, count, escaped);
    }

    /** The text {@link #from} and {@link #to} index: the line, or a detached header's own text. */
    String source() {
        return s;
    }

    /**
     * The extension keys to expect after this header ({@link CefPairs#scan(String, int, int, CefKeyTable,
     * CefFields, KeyLayout)}): {@link KeyLayout#EMPTY} until a line with a detached header was read, null
     * for a header read from its line (nothing is learnt for it).
     */
    KeyLayout layout() {
        return layout;
    }

    /** Keeps the layout the last line had; racing threads at worst keep one of their lines' layouts. */
    void layout(KeyLayout next) {
        if (texts != null && next != layout) {
            layout = next;
        }
    }

    /** Number of pipe-terminated fields read. */
    int count() {
        return count;
    }

    /** Where the text after the header starts (the extension), or the line's end. */
    int end() {
        return end;
    }

    int from(int field) {
        return bounds[2 * field];
    }

    int to(int field) {
        return bounds[2 * field + 1];
    }

    /** The field's text with header escapes undone, or null when it is empty. */
    String text(int field) {
        if (texts == null) {
            return readText(field);
        }
        // racing threads at worst make the same text twice
        String t = texts[field];
        if (t == null) {
            t = readText(field);
            texts[field] = t;
        }
        return t;
    }

    private String readText(int field) {
        int f = from(field);
        int t = to(field);
        if (f >= t) {
            return null;
        }
        if (!escaped) {
            return s.substring(f, t);
        }
        int slash = f;
        while (slash < t && s.charAt(slash) != '\\') {
            slash++;
        }
        if (slash == t) {
            return s.substring(f, t);
        }
        StringBuilder sb = new StringBuilder(t - f);
        for (int i = f; i < t; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < t && (s.charAt(i + 1) == '|' || s.charAt(i + 1) == '\\')) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
