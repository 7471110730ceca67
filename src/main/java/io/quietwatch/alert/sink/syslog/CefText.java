package io.quietwatch.alert.sink.syslog;

/**
 * Escaping by the ArcSight CEF rules ("Implementing ArcSight Common Event Format", section "Character
 * encoding"), and UTF-8 sizes for the length limit. Alert text comes from attackers: nothing here
 * interprets it, and no raw CR or LF gets through, since one would split the syslog message.
 */
final class CefText {
    private CefText() {
    }

    /**
     * A header field: {@code \} and {@code |} are escaped with a backslash. The spec allows multiple
     * lines only in extension values, so CR and LF become spaces.
     */
    static void appendHeader(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    /** An extension value: {@code \} and {@code =} are escaped with a backslash, CR and LF as {@code \r}, {@code \n}. */
    static void appendValue(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** At most {@code max} chars of {@code s}, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Bytes of {@code s} in UTF-8 as {@link String#getBytes} writes it (a lone surrogate becomes {@code ?}). */
    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
