package io.quietwatch.parse;

/**
 * The cheap test for where a filterlog record starts: its first nine fields have the shape
 * {@code RULE,SUBRULE,ANCHOR,TRACKER,IFACE,REASON,ACTION,in|out,4|6} (rule and sub-rule numbers digits or
 * empty, the others short and comma-free). Looked for at the start of the message, and after a
 * {@code filterlog:} or {@code filterlog[pid]:} tag anywhere in it for lines whose syslog header was not
 * recognised. Stateless.
 */
final class FilterlogShape {
    static final String TAG = "filterlog";
    private static final int MAX_NUMBER = 10;
    private static final int MAX_FIELD = 64;
    private static final int MIDDLE_FIELDS = 5;

    private FilterlogShape() {
    }

    /** Index of the record's first field in {@code s[0, end)}, or -1 when there is none. */
    static int recordStart(String s, int end) {
        int start = skipBlanks(s, 0, end);
        if (matches(s, start, end)) {
            return start;
        }
        int tag = s.indexOf(TAG, start);
        while (tag >= 0 && tag < end) {
            int after = afterTag(s, tag + TAG.length(), end);
            if (after >= 0 && matches(s, after, end)) {
                return after;
            }
            tag = s.indexOf(TAG, tag + TAG.length());
        }
        return -1;
    }

    /** Skips blanks and a byte order mark. */
    static int skipBlanks(String s, int from, int end) {
        int i = from;
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static boolean matches(String s, int from, int end) {
        int i = digits(s, from, end);
        if (i < 0) {
            return false;
        }
        i = digits(s, i + 1, end);
        for (int f = 0; f < MIDDLE_FIELDS && i >= 0; f++) {
            i = fieldEnd(s, i + 1, end);
        }
        if (i < 0) {
            return false;
        }
        int direction = i + 1;
        i = fieldEnd(s, direction, end);
        if (i < 0 || !direction(s, direction, i)) {
            return false;
        }
        int version = i + 1;
        char v = version < end ? s.charAt(version) : '\0';
        return (v == '4' || v == '6') && (version + 1 == end || s.charAt(version + 1) == ',');
    }

    /** The comma after up to ten digits at {@code from}, or -1. */
    private static int digits(String s, int from, int end) {
        int i = from;
        while (i < end && i - from <= MAX_NUMBER && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i < end && s.charAt(i) == ',' ? i : -1;
    }

    /** The comma that ends a field of at most 64 characters at {@code from}, or -1. */
    private static int fieldEnd(String s, int from, int end) {
        int limit = Math.min(end, from + MAX_FIELD + 1);
        for (int i = from; i < limit; i++) {
            if (s.charAt(i) == ',') {
                return i;
            }
        }
        return -1;
    }

    private static boolean direction(String s, int from, int to) {
        int len = to - from;
        return len == 2 && s.startsWith("in", from) || len == 3 && s.startsWith("out", from)
                || len == 6 && s.startsWith("in/out", from);
    }

    /** After {@code filterlog}: an optional {@code [pid]}, a colon and blanks; -1 when that is not there. */
    private static int afterTag(String s, int from, int end) {
        int i = from;
        if (i < end && s.charAt(i) == '[') {
            i = s.indexOf(']', i);
            if (i < 0 || i >= end) {
                return -1;
            }
            i++;
        }
        return i < end && s.charAt(i) == ':' ? skipBlanks(s, i + 1, end) : -1;
    }
}
