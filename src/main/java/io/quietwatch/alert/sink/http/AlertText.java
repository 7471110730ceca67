package io.quietwatch.alert.sink.http;

/**
 * Shapes untrusted alert text (titles, host names, URLs, log lines) for ticket fields: one line
 * without control characters, or multi-line text whose control characters are shown, not acted on.
 * Escaping for a markup language is the job of the sink that writes that markup.
 */
public final class AlertText {
    /** Appended where text was cut. */
    public static final String ELLIPSIS = "\u2026";

    private AlertText() {
    }

    /**
     * One line: CR, LF, tabs and other control characters become spaces, runs of spaces collapse,
     * the ends are trimmed, and text longer than {@code max} characters is cut with an ellipsis.
     */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c == '\u2028' || c == '\u2029') {
                space = !sb.isEmpty();
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return cut(sb.toString(), max);
    }

    /**
     * Text kept as it is except that control characters other than LF and tab are written as
     * {@code \xNN} (CR included), and it is cut at {@code max} characters.
     */
    public static String visible(String text, int max) {
        return shown(text, max, true);
    }

    /** Like {@link #visible} but line feeds too are written as {@code \x0a}: the result is one line. */
    public static String visibleLine(String text, int max) {
        return shown(text, max, false);
    }

    private static String shown(String text, int max, boolean keepLineFeeds) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && (c != '\n' || !keepLineFeeds))
                    || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return cut(sb == null ? text : sb.toString(), max);
    }

    /** {@code text} cut to at most {@code max} characters, the last being an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }
}
