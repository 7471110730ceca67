package io.quietwatch.parse;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * The cheap look at a line that tells a PAN-OS CSV log from anything else, without splitting it: a
 * short first field ({@code 1}, {@code 0}, or what a relay left of a second syslog header), then a
 * Receive Time ({@code 2026/11/26 10:00:00} or ISO 8601), Serial Number, and a log type in capitals
 * ({@code TRAFFIC}, {@code THREAT}, {@code GLOBALPROTECT}, ...) followed by a comma.
 */
final class PanOsShape {
    private static final int MAX_FIRST_FIELD = 128;
    private static final int MIN_STAMP = 19;
    private static final int MAX_TYPE = 20;
    private static final String EARLY_GLOBALPROTECT = "GLOBALPROTECT,";

    private PanOsShape() {
    }

    /**
     * Index of the Type field: 3, or 5 for the GLOBALPROTECT logs of PAN-OS 9.1.0 to 9.1.2, which put
     * Sequence Number and Action Flags before it; -1 when the line is not shaped like a PAN-OS log.
     */
    static int typeField(String s) {
        int c0 = s.indexOf(',');
        if (c0 < 0 || c0 > MAX_FIRST_FIELD || !dateAt(s, c0 + 1)) {
            return -1;
        }
        int c1 = s.indexOf(',', c0 + 1);
        if (c1 - c0 - 1 < MIN_STAMP) {
            return -1;
        }
        int c2 = s.indexOf(',', c1 + 1);
        int c3 = c2 < 0 ? -1 : s.indexOf(',', c2 + 1);
        if (c3 < 0) {
            return -1;
        }
        if (typeWord(s, c2 + 1, c3)) {
            return PanOsParser.TYPE;
        }
        int c4 = s.indexOf(',', c3 + 1);
        if (c4 >= 0 && s.startsWith(EARLY_GLOBALPROTECT, c4 + 1)) {
            return PanOsParser.TYPE + PanOsParser.EARLY_GLOBALPROTECT_SHIFT;
        }
        return -1;
    }

    /** {@code s.length()} moved back over trailing blanks and line ends. */
    static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /** {@code yyyy/mm/} or {@code yyyy-mm-} at {@code p}. */
    private static boolean dateAt(String s, int p) {
        if (p + 8 > s.length()) {
            return false;
        }
        char sep = s.charAt(p + 4);
        return (sep == '/' || sep == '-') && s.charAt(p + 7) == sep && isDigit(s.charAt(p)) && isDigit(s.charAt(p + 1))
                && isDigit(s.charAt(p + 2)) && isDigit(s.charAt(p + 3)) && isDigit(s.charAt(p + 5))
                && isDigit(s.charAt(p + 6));
    }

    /** Capital letters, with {@code -} or {@code _} inside: {@code TRAFFIC}, {@code HIP-MATCH}. */
    private static boolean typeWord(String s, int from, int to) {
        if (to - from < 3 || to - from > MAX_TYPE) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < 'A' || c > 'Z') && (i == from || c != '-' && c != '_')) {
                return false;
            }
        }
        return true;
    }
}
