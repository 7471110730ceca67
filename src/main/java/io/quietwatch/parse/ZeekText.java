package io.quietwatch.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the escapes of Zeek's two log encodings. Only called for values that hold a backslash.
 *
 * <p>TSV (Zeek's ASCII writer): bytes that are not printable, or that would read as a separator or as
 * the unset/empty markers, are written as {@code \xHH}; runs of them are UTF-8 and are decoded as such
 * (an invalid sequence becomes U+FFFD). {@code \\} is a backslash; any other backslash stays as it is.
 *
 * <p>JSON: the escapes of RFC 8259 section 7; a broken escape is kept as written.
 */
final class ZeekText {
    private ZeekText() {
    }

    static String unescapeTsv(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        ByteArrayOutputStream bytes = null;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            int hex = c == '\\' ? hexByte(s, i, to) : -1;
            if (hex >= 0) {
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream();
                }
                bytes.write(hex);
                i += 4;
                continue;
            }
            flush(bytes, sb);
            if (c == '\\' && i + 1 < to && s.charAt(i + 1) == '\\') {
                sb.append('\\');
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        flush(bytes, sb);
        return sb.toString();
    }

    static String unescapeJson(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                sb.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            int consumed = 2;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int code = i + 6 <= to ? hex(s, i + 2, i + 6) : -1;
                    if (code >= 0) {
                        sb.append((char) code);
                        consumed = 6;
                    } else {
                        sb.append(c).append(e);
                    }
                }
                default -> sb.append(c).append(e);
            }
            i += consumed;
        }
        return sb.toString();
    }

    /** The byte of {@code \xHH} at {@code i}, or -1. */
    private static int hexByte(String s, int i, int to) {
        if (i + 4 > to || s.charAt(i + 1) != 'x') {
            return -1;
        }
        return hex(s, i + 2, i + 4);
    }

    private static int hex(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            value = value << 4 | d;
        }
        return value;
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder sb) {
        if (bytes != null && bytes.size() > 0) {
            sb.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}
