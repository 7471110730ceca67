package io.quietwatch.parse;

/**
 * The values of one Zeek record that the event is built from, kept as ranges of the line (no copy
 * until a value is used). Filled by {@link ZeekTsv} or {@link ZeekJson}; a slot left unfilled is an
 * unset field ({@code -} in TSV, a missing key or {@code null} in JSON). Set and vector fields hold their
 * first element. One instance per line; not thread-safe.
 */
final class ZeekFields {
    static final int TS = 0;
    static final int UID = 1;
    static final int ORIG_H = 2;
    static final int ORIG_P = 3;
    static final int RESP_H = 4;
    static final int RESP_P = 5;
    static final int PROTO = 6;
    static final int DURATION = 7;
    static final int ORIG_BYTES = 8;
    static final int RESP_BYTES = 9;
    static final int CONN_STATE = 10;
    static final int ORIG_PKTS = 11;
    static final int RESP_PKTS = 12;
    static final int MISSED_BYTES = 13;
    static final int TRANS_DEPTH = 14;
    static final int METHOD = 15;
    static final int HOST = 16;
    static final int URI = 17;
    static final int USER_AGENT = 18;
    static final int STATUS_CODE = 19;
    static final int USERNAME = 20;
    static final int RESP_FILENAMES = 21;
    static final int RESP_MIME_TYPES = 22;
    static final int TAGS = 23;
    static final int PATH = 24;
    static final int SYSTEM_NAME = 25;
    static final int SLOTS = 26;

    /** Field names as Zeek logs them, for error messages. */
    private static final String[] NAMES = {
        "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "duration", "orig_bytes",
        "resp_bytes", "conn_state", "orig_pkts", "resp_pkts", "missed_bytes", "trans_depth", "method", "host",
        "uri", "user_agent", "status_code", "username", "resp_filenames", "resp_mime_types", "tags", "_path",
        "_system_name"};

    /** {@link #count} of an unset field. */
    static final long UNSET = -1;

    /** What kind of record the fields describe. */
    enum Kind { CONN, HTTP, OTHER }

    final String line;
    private final boolean json;
    // from + 1 and to per slot, so that the zeroed array means "all unset"
    private final int[] ranges = new int[2 * SLOTS];
    Kind kind = Kind.OTHER;

    ZeekFields(String line, boolean json) {
        this.line = line;
        this.json = json;
    }

    static String name(int slot) {
        return NAMES[slot];
    }

    void set(int slot, int from, int to) {
        ranges[2 * slot] = from + 1;
        ranges[2 * slot + 1] = to;
    }

    boolean has(int slot) {
        return ranges[2 * slot] != 0;
    }

    int from(int slot) {
        return ranges[2 * slot] - 1;
    }

    int to(int slot) {
        return ranges[2 * slot + 1];
    }

    /** True when the field is set and equals {@code literal} exactly. */
    boolean is(int slot, String literal) {
        int from = from(slot);
        return from >= 0 && to(slot) - from == literal.length() && line.startsWith(literal, from);
    }

    /** The field's text with escapes decoded; null when unset or empty. */
    String text(int slot) {
        int from = from(slot);
        int to = to(slot);
        if (from < 0 || from == to) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == '\\') {
                String decoded = json ? ZeekText.unescapeJson(line, from, to) : ZeekText.unescapeTsv(line, from, to);
                return decoded.isEmpty() ? null : decoded;
            }
        }
        return line.substring(from, to);
    }

    /** A non-negative count, or {@link #UNSET}. */
    long count(int slot) {
        int from = from(slot);
        if (from < 0) {
            return UNSET;
        }
        int to = to(slot);
        long value = to - from > 18 ? -1 : Digits.value(line, from, to, Long.MAX_VALUE);
        if (value < 0) {
            throw bad(slot, "is not a count");
        }
        return value;
    }

    /** A port number 0-65535, or null when unset. */
    Integer port(int slot) {
        long value = count(slot);
        if (value > 0xffff) {
            throw bad(slot, "is not a port number 0-65535");
        }
        return value == UNSET ? null : Integer.valueOf((int) value);
    }

    /** An exception naming the field and quoting (the start of) its value. */
    ZeekSyntaxException bad(int slot, String problem) {
        int from = from(slot);
        int to = Math.min(to(slot), from + 40);
        String value = from < 0 ? "" : " ('" + line.substring(from, to) + "')";
        return new ZeekSyntaxException(NAMES[slot] + value + " " + problem);
    }
}
