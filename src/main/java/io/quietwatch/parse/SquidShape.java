package io.quietwatch.parse;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * Cheap shape tests that tell a proxy access record from other text, and where the record starts.
 * A record may sit behind a syslog tag the header parser left in the message ({@code squid[123]:},
 * pfSense/OPNsense's {@code (squid-1)[4567]:}) or behind Cisco WSA's {@code Info:}. Native: an epoch
 * ({@code 1732615200.123}, or a whole epoch of 9-10, 12-13, 15-16 or 18-19 digits) followed by blanks
 * and a number. Common: a bracketed {@code dd/Mon/yyyy:} (or {@code yyyy-mm-dd}) time after a blank,
 * then {@code ] "}, the request, and {@code " } with a status. Tab-separated epochs (Zeek) and
 * {@code ip:port} after the epoch (other custom layouts) are not this shape.
 */
final class SquidShape {
    static final int NONE = 0;
    static final int NATIVE = 1;
    static final int COMMON = 2;

    private static final String INFO = "Info: ";
    private static final String QUID = "quid";
    private static final int MAX_FRACTION = 9;
    private static final int MIN_TIME = 10;
    private static final int MAX_TIME = 40;

    private SquidShape() {
    }

    /** The record's kind at {@code i}: {@link #NATIVE}, {@link #COMMON} or {@link #NONE}. */
    static int kind(String s, int i) {
        if (nativeAt(s, i)) {
            return NATIVE;
        }
        return commonAt(s, i) ? COMMON : NONE;
    }

    /**
     * Where the record starts: after leading blanks and, when the text does not start with a digit, a
     * {@code Info:} prefix or a tag naming squid within {@code window} characters.
     */
    static int recordStart(String s, int window) {
        int i = skipSpaces(s, 0);
        if (i >= s.length() || isDigit(s.charAt(i))) {
            return i;
        }
        if (s.startsWith(INFO, i)) {
            return skipSpaces(s, i + INFO.length());
        }
        int tag = tagEnd(s, i, window);
        return tag < 0 ? i : skipSpaces(s, tag);
    }

    /**
     * The index after a tag token that names squid ({@code squid:}, {@code squid[1]:},
     * {@code (squid-1)[2]:}) starting within {@code window} characters of {@code from}, or -1.
     */
    static int tagEnd(String s, int from, int window) {
        int limit = from + window;
        // "quid" by String.indexOf (vectorised), then the 's' or 'S' before it
        for (int q = s.indexOf(QUID, from + 1); q > 0 && q <= limit + 1; q = s.indexOf(QUID, q + 1)) {
            int i = q - 1;
            char c = s.charAt(i);
            if (c == 's' || c == 'S') {
                int start = i > from && s.charAt(i - 1) == '(' ? i - 1 : i;
                if (start == from || s.charAt(start - 1) == ' ') {
                    int end = SyslogTokens.tokenEnd(s, i);
                    if (s.charAt(end - 1) == ':') {
                        return end;
                    }
                }
            }
        }
        return -1;
    }

    /** An epoch, blanks, a number and a blank at {@code i}. */
    static boolean nativeAt(String s, int i) {
        int n = s.length();
        int j = digits(s, i);
        int whole = j - i;
        if (j < n && s.charAt(j) == '.' && (whole == 9 || whole == 10)) {
            int k = digits(s, j + 1);
            if (k - j - 1 < 3 || k - j - 1 > MAX_FRACTION) {
                return false;
            }
            j = k;
        } else if (whole < 9 || whole > 19 || whole % 3 == 2) {
            return false;
        }
        if (j >= n || s.charAt(j) != ' ') {
            return false;
        }
        j = skipSpaces(s, j);
        if (j < n && s.charAt(j) == '-') {
            j++;
        }
        int k = digits(s, j);
        return k > j && k < n && s.charAt(k) == ' ';
    }

    /** A bracketed httpd time after a blank, {@code ] "}, and {@code " } with a status after the request. */
    static boolean commonAt(String s, int i) {
        int close = s.indexOf("] \"", i);
        if (close < 0) {
            return false;
        }
        int open = s.lastIndexOf('[', close);
        if (open <= i || s.charAt(open - 1) != ' ' || close - open < MIN_TIME || close - open > MAX_TIME) {
            return false;
        }
        boolean clf = s.charAt(open + 3) == '/' && s.charAt(open + 7) == '/'
                || s.charAt(open + 2) == '/' && s.charAt(open + 6) == '/';
        boolean iso = s.charAt(open + 5) == '-' && s.charAt(open + 8) == '-';
        if (!clf && !iso) {
            return false;
        }
        int quote = s.indexOf("\" ", close + 3);
        if (quote < 0) {
            return false;
        }
        int p = quote + 2;
        if (p >= s.length()) {
            return false;
        }
        int end = s.charAt(p) == '-' ? p + 1 : digits(s, p);
        return (end == p + 3 || end == p + 1 && s.charAt(p) == '-') && (end == s.length() || s.charAt(end) == ' ');
    }

    static int skipSpaces(String s, int p) {
        return SyslogTokens.skipSpaces(s, p);
    }

    private static int digits(String s, int p) {
        int n = s.length();
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        return p;
    }
}
