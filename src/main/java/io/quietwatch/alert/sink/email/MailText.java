package io.quietwatch.alert.sink.email;

/**
 * Makes attacker-controlled text inert in the three places a mail puts it: header values (no control
 * characters at all, so no CR/LF can start a header), plain-text bodies (control characters shown as
 * visible escapes, so a value cannot fake lines of the mail) and HTML bodies (the same, then
 * HTML-escaped). Bidirectional overrides are neutralised too, as they can make text read differently
 * from what it is.
 */
final class MailText {
    private static final String ELLIPSIS = "\u2026";

    private MailText() {
    }

    /** A header value: control characters become spaces, runs of white space one space, at most {@code max} chars. */
    static String header(String s, int max) {
        return header(s, max, true);
    }

    /** A piece of a header value: like {@link #header(String, int)}, but a space at either end is kept. */
    static String headerPiece(String s, int max) {
        return header(s, max, false);
    }

    private static String header(String s, int max, boolean trim) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < s.length() && sb.length() <= max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || isControl(c) || isBidi(c) || c == '\u00a0') {
                space = !trim || sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        if (space && !trim && sb.length() <= max) {
            sb.append(' ');
        }
        return cap(sb.toString(), max);
    }

    /** Body text: control and bidi characters shown as escapes ({@code \n}, {@code \r}, {@code \u2028}), at most {@code max} chars. */
    static String plain(String s, int max) {
        if (s == null) {
            return "";
        }
        String capped = cap(s, max);
        StringBuilder sb = null;
        for (int i = 0; i < capped.length(); i++) {
            char c = capped.charAt(i);
            boolean bad = (isControl(c) && c != '\t') || isBidi(c);
            if (bad && sb == null) {
                sb = new StringBuilder(capped.length() + 16).append(capped, 0, i);
            }
            if (sb != null) {
                if (!bad) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? capped : sb.toString();
    }

    /** HTML body text: {@link #plain} then {@code & < > " '} escaped. */
    static String html(String s, int max) {
        String p = plain(s, max);
        StringBuilder sb = new StringBuilder(p.length() + 16);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Text safe inside a Message-ID or a token header: letters, digits, {@code . _ -} kept, anything
     * else becomes {@code _}; at most 128 chars; never empty.
     */
    static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "_";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 128));
        for (int i = 0; i < s.length() && sb.length() < 128; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    /** At most {@code max} chars; a cut value ends with an ellipsis. */
    static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    private static boolean isBidi(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
                || c == '\u061c';
    }
}
