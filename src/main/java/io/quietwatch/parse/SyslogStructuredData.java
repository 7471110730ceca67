package io.quietwatch.parse;

/**
 * Finds the end of RFC 5424 STRUCTURED-DATA ({@code [id k="v" ...][id2 ...]}) without building anything:
 * the header parser keeps the text as received. Inside a PARAM-VALUE a backslash escapes the next
 * character (RFC 5424 section 6.3.3 names {@code \"}, {@code \\} and {@code \]}).
 */
final class SyslogStructuredData {
    private SyslogStructuredData() {
    }

    /** Index after the last SD-ELEMENT starting at {@code p} (which holds '['), or -1 when malformed. */
    static int end(String s, int p) {
        int n = s.length();
        int i = p;
        while (i < n && s.charAt(i) == '[') {
            i = element(s, i + 1, n);
            if (i < 0) {
                return -1;
            }
        }
        return i;
    }

    private static int element(String s, int i, int n) {
        int idStart = i;
        i = name(s, i, n);
        if (i == idStart) {
            return -1;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c != ' ') {
                return -1;
            }
            int paramStart = ++i;
            i = name(s, i, n);
            if (i == paramStart || i + 1 >= n || s.charAt(i) != '=' || s.charAt(i + 1) != '"') {
                return -1;
            }
            i = valueEnd(s, i + 2, n);
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** SD-NAME: printable US-ASCII except '=', SP, ']' and '"'. */
    private static int name(String s, int i, int n) {
        while (i < n) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~' || c == '=' || c == ']' || c == '"') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Index after the closing quote of a PARAM-VALUE, or -1 when it is not closed. */
    private static int valueEnd(String s, int i, int n) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        return -1;
    }
}
