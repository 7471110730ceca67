package io.quietwatch.parse;

/**
 * Reads the attributes of a LEEF event into {@link CefFields}. LEEF 1.0 separates {@code key=value}
 * pairs by a tab; LEEF 2.0 names its delimiter in the header (a character, or {@code xHH} /
 * {@code 0xHH} in hex). What senders and relays really deliver varies, so when the header names none
 * the delimiter is found from the text: a tab; rsyslog's escaped tab {@code #011}; a pipe (PAN-OS
 * LEEF); else blanks, read like a CEF extension (a value runs to the next {@code " key="}), which is
 * what is left when a relay turned the tabs into spaces. Values are taken as written (LEEF has no
 * escapes); blanks around keys and at the ends of values are dropped.
 */
final class LeefAttributes {
    private static final String ESCAPED_TAB = "#011";

    private LeefAttributes() {
    }

    /**
     * Scans {@code s[from, length)} into {@code fields}; {@code delimiter} is the header's choice, or
     * null to detect it.
     */
    static void scan(String s, int from, String delimiter, CefFields fields) {
        String d = delimiter != null ? delimiter : detect(s, from);
        if (d == null) {
            CefPairs.scan(s, from, s.length(), LeefKeys.TABLE, fields);
            return;
        }
        int n = s.length();
        int i = from;
        while (i <= n) {
            int end = s.indexOf(d, i);
            if (end < 0) {
                end = n;
            }
            pair(s, i, end, fields);
            i = end + d.length();
        }
    }

    /** The delimiter a LEEF 2.0 header field names, or null when it names none (empty or unreadable). */
    static String named(String s, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return String.valueOf(s.charAt(from));
        }
        int hex = from;
        if (n > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) | 0x20) == 'x') {
            hex = from + 2;
        } else if (n > 1 && (s.charAt(from) | 0x20) == 'x') {
            hex = from + 1;
        } else if (n == 2 && s.startsWith("\\t", from)) {
            return "\t";
        } else {
            return null;
        }
        if (to - hex > 4) {
            return null;
        }
        int code = 0;
        for (int i = hex; i < to; i++) {
            int digit = Character.digit(s.charAt(i), 16);
            if (digit < 0) {
                return null;
            }
            code = code * 16 + digit;
        }
        return code == 0 ? null : String.valueOf((char) code);
    }

    private static String detect(String s, int from) {
        if (s.indexOf('\t', from) >= 0) {
            return "\t";
        }
        if (s.indexOf(ESCAPED_TAB, from) >= 0) {
            return ESCAPED_TAB;
        }
        return s.indexOf('|', from) >= 0 ? "|" : null;
    }

    private static void pair(String s, int from, int to, CefFields fields) {
        int eq = s.indexOf('=', from);
        if (eq < 0 || eq >= to) {
            return;
        }
        int keyFrom = CefPairs.skipBlanks(s, from, eq);
        int keyTo = CefPairs.trimEnd(s, keyFrom, eq);
        if (keyFrom == keyTo) {
            return;
        }
        int id = LeefKeys.TABLE.lookup(s, keyFrom, keyTo);
        if (id != CefKeyTable.UNKNOWN) {
            int valueFrom = CefPairs.skipBlanks(s, eq + 1, to);
            fields.set(id, valueFrom, CefPairs.trimEnd(s, valueFrom, to));
        }
    }
}
