package io.quietwatch.parse;

/**
 * Zeek (formerly Bro) conn.log and http.log records, one per line, in either of Zeek's encodings:
 * <ul>
 *   <li>TSV, the default: {@code 1700000000.123456<TAB>CHhAvVGS1DHFjwGM9<TAB>10.0.0.5<TAB>...}, column order
 *       told from the record's shape (see {@link ZeekTsv}) since a stateless parser never sees the file's
 *       {@code #fields} header;</li>
 *   <li>JSON ({@code LogAscii::use_json=T}): {@code {"ts":1700000000.123456,"uid":"C...","id.orig_h":...}}
 *       (see {@link ZeekJson}).</li>
 * </ul>
 * Either may come behind a syslog header, which the header parser has split off, and one tag word the
 * header parser left ({@code zeek_conn {...}}). conn records become {@code network} events with
 * {@code phase = end}, http records {@code web} events; records of Zeek's other logs give their time, uid
 * and endpoints. The header lines of a TSV file ({@code #fields},
 * {@code #types}, {@code #open}, ...) are claimed and returned as {@code Malformed}, saying so, for the
 * caller to count. Stateless and thread-safe.
 */
public final class ZeekParser implements EventParser {
    /** The format name. */
    public static final String NAME = "zeek";

    private static final int NONE = 0;
    private static final int TSV = 1;
    private static final int JSON = 2;
    private static final int HEADER = 3;
    private static final String[] HEADERS = {
        "#separator", "#set_separator", "#empty_field", "#unset_field", "#path", "#open", "#close", "#fields",
        "#types"};
    private static final int LONGEST_TAG = 64;
    private static final String UID_KEY = "\"uid\"";
    private static final String ID_ORIG_H_KEY = "\"id.orig_h\"";
    private static final String ID_ORIG_H_UNDERSCORE_KEY = "\"id_orig_h\"";

    private final ZeekTime time = new ZeekTime();

    @Override
    public String name() {
        return NAME;
    }

    /**
     * JSON: an object holding the keys {@code "uid"} and {@code "id.orig_h"} (or {@code "id_orig_h"});
     * TSV: an epoch stamp {@code dddddddddd.dddddd}, a TAB and a uid starting with {@code C}; or a TSV
     * header line.
     */
    @Override
    public boolean claims(SyslogMessage message) {
        String s = message == null ? null : message.message();
        return s != null && shape(s, start(s)) != NONE;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String s = message == null ? null : message.message();
        if (s == null) {
            return ParseResult.NOT_MINE;
        }
        int start = start(s);
        int shape = shape(s, start);
        if (shape == NONE) {
            return ParseResult.NOT_MINE;
        }
        if (shape == HEADER) {
            return ParseResult.malformed("Zeek header line (" + headerName(s, start) + "), not a log record");
        }
        try {
            int end = end(s, start);
            ZeekFields f = shape == JSON ? ZeekJson.read(s, start, end) : ZeekTsv.read(s, start, end);
            return ParseResult.parsed(ZeekEvents.event(f, message, context, time));
        } catch (ZeekSyntaxException e) {
            return ParseResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("Zeek record", e);
        }
    }

    private static int shape(String s, int p) {
        if (p >= s.length()) {
            return NONE;
        }
        char c = s.charAt(p);
        if (c == '{') {
            return hasKey(s, p, UID_KEY)
                    && (hasKey(s, p, ID_ORIG_H_KEY) || hasKey(s, p, ID_ORIG_H_UNDERSCORE_KEY)) ? JSON : NONE;
        }
        if (c >= '0' && c <= '9') {
            return isTsvRecord(s, p) ? TSV : NONE;
        }
        return c == '#' && headerName(s, p) != null ? HEADER : NONE;
    }

    /** The key, then optional blanks and a colon. */
    private static boolean hasKey(String s, int from, String key) {
        int at = s.indexOf(key, from);
        while (at >= 0) {
            int i = at + key.length();
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == ':') {
                return true;
            }
            at = s.indexOf(key, at + 1);
        }
        return false;
    }

    /** {@code \d{10}\.\d{6}}, a TAB (or rsyslog's {@code #011} for it) and {@code C}. */
    private static boolean isTsvRecord(String s, int p) {
        int stamp = p + ZeekTsv.TS_LENGTH;
        if (stamp + 1 >= s.length() || s.charAt(p + 10) != '.') {
            return false;
        }
        for (int i = p; i < stamp; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && i != p + 10) {
                return false;
            }
        }
        if (s.charAt(stamp) == '\t') {
            return s.charAt(stamp + 1) == 'C';
        }
        int uid = stamp + ZeekTsv.RSYSLOG_TAB.length();
        return uid < s.length() && s.startsWith(ZeekTsv.RSYSLOG_TAB, stamp) && s.charAt(uid) == 'C';
    }

    /** The header keyword at {@code p} ({@code #fields}), or null. */
    private static String headerName(String s, int p) {
        for (String header : HEADERS) {
            if (s.startsWith(header, p)) {
                int after = p + header.length();
                if (after == s.length() || !Character.isLetterOrDigit(s.charAt(after)) && s.charAt(after) != '_') {
                    return header;
                }
            }
        }
        return null;
    }

    /**
     * Where the record starts: after leading blanks and, when the text does not begin with a record,
     * after one tag word ({@code zeek_conn {...}}, {@code zeek: 1795...}). RFC 3164 lets a space end the
     * tag, and the header parser only splits off tags that end with a colon.
     */
    private static int start(String s) {
        int i = skipBlanks(s, 0);
        if (i == s.length() || !Character.isLetter(s.charAt(i))) {
            return i;
        }
        int limit = Math.min(s.length(), i + LONGEST_TAG);
        int word = i;
        while (word < limit && s.charAt(word) != ' ') {
            char c = s.charAt(word);
            if (c == '=' || c == '|' || c == '{' || c == '"' || c == '\t') {
                return i;
            }
            word++;
        }
        int after = skipBlanks(s, word);
        return word > i && after < s.length() && after > word && isRecordStart(s.charAt(after)) ? after : i;
    }

    private static boolean isRecordStart(char c) {
        return c == '{' || c == '#' || c >= '0' && c <= '9';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int end(String s, int start) {
        int end = s.length();
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return end;
    }
}
