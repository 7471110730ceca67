package io.quietwatch.parse;

/** Space-separated header tokens: where they end, and whether one is an RFC 3164 tag or a host name. */
final class SyslogTokens {
    private static final int MAX_TAG = 64;

    private SyslogTokens() {
    }

    /** Index of the first space at or after {@code p}, or the line's length. */
    static int tokenEnd(String s, int p) {
        int n = s.length();
        while (p < n && s.charAt(p) != ' ') {
            p++;
        }
        return p;
    }

    /** Index of the first non-space at or after {@code p}, or the line's length. */
    static int skipSpaces(String s, int p) {
        int n = s.length();
        while (p < n && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** {@code p}, moved past one space if there is one: the single separator before a field or the message. */
    static int afterSpace(String s, int p) {
        return p < s.length() && s.charAt(p) == ' ' ? p + 1 : p;
    }

    /**
     * The program name of an RFC 3164 tag token {@code line[start, end)} such as {@code kernel:},
     * {@code sshd[123]:} or {@code postfix/smtpd[9]:}, or null when the token is not a tag. Cisco's
     * {@code %ASA-6-302013:} is a message id, not a tag.
     */
    static String tagName(String s, int start, int end) {
        if (end - start < 2 || end - start > MAX_TAG || s.charAt(end - 1) != ':' || s.charAt(start) == '%') {
            return null;
        }
        int i = start;
        while (i < end - 1 && tagChar(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        if (i < end - 1) {
            if (s.charAt(i) != '[' || s.charAt(end - 2) != ']' || i + 1 == end - 2) {
                return null;
            }
            for (int j = i + 1; j < end - 2; j++) {
                char c = s.charAt(j);
                if (c == '[' || c == ']' || c < ' ') {
                    return null;
                }
            }
        }
        return s.substring(start, i);
    }

    /**
     * False when the token is clearly not a host: a Cisco {@code %} message id, a tag ({@code word:}),
     * key=value text, CEF's {@code |}, quotes, brackets or control characters. IPv6 literals pass.
     */
    static boolean hostLike(String s, int start, int end) {
        if (start >= end || s.charAt(start) == '%') {
            return false;
        }
        int colons = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7F || c == '=' || c == '|' || c == '"' || c == '\'' || c == '[' || c == ']'
                    || c == '{' || c == '}' || c == '<' || c == '>' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
            if (c == ':') {
                colons++;
            }
        }
        return s.charAt(end - 1) != ':' || colons > 1;
    }

    private static boolean tagChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '/' || c == '@';
    }
}
