package io.quietwatch.web;

/** Text from a request made safe for one log line: control characters (CR, LF, ESC) become '?', at most 64 chars. */
final class LogText {
    private LogText() {
    }

    static String safe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
