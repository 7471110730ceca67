package io.quietwatch.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Small conversions of proxy log values: decimal numbers, quoted-string escapes, URL-encoded user
 * names, MIME types without parameters, and a header's value out of a logged header block.
 */
final class SquidText {
    private SquidText() {
    }

    /** The unsigned decimal number in {@code s[from, to)}, or -1 when it is not one (or too long). */
    static long number(String s, int from, int to) {
        return Digits.value(s, from, to, Long.MAX_VALUE);
    }

    /** {@code t} with the backslash escapes of a quoted log field ({@code \"}, {@code \\}) undone. */
    static String unescape(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && (t.charAt(i + 1) == '"' || t.charAt(i + 1) == '\\')) {
                c = t.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A user name as Squid writes it ({@code %un} is URL-encoded: {@code DOMAIN%5cjohn}, {@code a%20b}),
     * decoded as UTF-8. Text without a valid {@code %XX} is returned as given.
     */
    static String userName(String t) {
        if (t == null || t.indexOf('%') < 0) {
            return t;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(t.length());
        boolean decoded = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int hi = c == '%' && i + 2 < t.length() ? Character.digit(t.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(t.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
                decoded = true;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return decoded ? bytes.toString(StandardCharsets.UTF_8) : t;
    }

    /**
     * The MIME type in {@code s[from, to)} in lower case and without parameters
     * ({@code text/html; charset=UTF-8}, Squid's {@code text/html;%20charset=utf-8}); null for {@code -}.
     */
    static String mimeType(String s, int from, int to) {
        int end = from;
        boolean upper = false;
        while (end < to) {
            char c = s.charAt(end);
            if (c == ';' || c == ' ') {
                break;
            }
            upper |= c >= 'A' && c <= 'Z';
            end++;
        }
        if (end == from || end - from == 1 && s.charAt(from) == '-') {
            return null;
        }
        String type = s.substring(from, end);
        return upper ? lowerAscii(type) : type;
    }

    /**
     * The value of header {@code name} (with its colon and blank, e.g. {@code "User-Agent: "}) in a
     * logged header block {@code s[from, to)}, where Squid writes line ends as {@code \r\n}; null when
     * the block does not hold it. The name is matched ignoring case.
     */
    static String header(String s, int from, int to, String name) {
        int n = name.length();
        for (int i = from; i + n <= to; i++) {
            if ((i == from || s.charAt(i - 1) == 'n' || s.charAt(i - 1) == '[' || s.charAt(i - 1) == '"')
                    && s.regionMatches(true, i, name, 0, n)) {
                int v = i + n;
                int e = v;
                while (e < to && s.charAt(e) != '\\' && s.charAt(e) != '\r' && s.charAt(e) != '\n') {
                    e++;
                }
                return e > v ? s.substring(v, e) : null;
            }
        }
        return null;
    }

    /** {@code t} with ASCII upper case letters lowered. */
    static String lowerAscii(String t) {
        char[] chars = t.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
