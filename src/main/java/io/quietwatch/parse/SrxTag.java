package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

/**
 * The message tag of an RT_FLOW line ({@code RT_FLOW_SESSION_CLOSE}, {@code RT_FLOW_SESSION_DENY_LS},
 * {@code APPTRACK_SESSION_VOL_UPDATE}, ...): where it is and which kind of session record it names.
 * Junos writes it as the RFC 5424 MSGID, or as the first word of a BSD message, sometimes behind a
 * {@code %-} priority prefix. Suffixes such as {@code _LS} (logical system) or {@code _LOG} keep the kind.
 */
final class SrxTag {
    static final int OTHER = 0;
    static final int CREATE = 1;
    static final int CLOSE = 2;
    static final int DENY = 3;

    private static final String RT_FLOW = "RT_FLOW_";
    private static final String APPTRACK = "APPTRACK_";
    private static final String SESSION = "RT_FLOW_SESSION_";

    private SrxTag() {
    }

    /** Index of the first tag word in {@code s[0, to)}, or -1. */
    static int find(String s, int to) {
        int at = word(s, RT_FLOW, to);
        return at >= 0 ? at : word(s, APPTRACK, to);
    }

    private static int word(String s, String prefix, int to) {
        int at = s.indexOf(prefix);
        while (at >= 0 && at < to) {
            if ((at == 0 || !tagChar(s.charAt(at - 1))) && end(s, at) > at + prefix.length()) {
                return at;
            }
            at = s.indexOf(prefix, at + 1);
        }
        return -1;
    }

    /** Index after the tag word starting at {@code at}. */
    static int end(String s, int at) {
        int i = at;
        while (i < s.length() && tagChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The kind of the tag {@code s[at, end)}. */
    static int kind(String s, int at, int end) {
        if (!s.startsWith(SESSION, at)) {
            return OTHER;
        }
        int p = at + SESSION.length();
        if (is(s, p, end, "CREATE")) {
            return CREATE;
        }
        if (is(s, p, end, "CLOSE")) {
            return CLOSE;
        }
        return is(s, p, end, "DENY") ? DENY : OTHER;
    }

    private static boolean is(String s, int p, int end, String word) {
        int after = p + word.length();
        return after <= end && s.startsWith(word, p) && (after == end || s.charAt(after) == '_');
    }

    private static boolean tagChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 'a' && c <= 'z';
    }

    // What a kind stands for: CREATE starts an allowed session, CLOSE ends one, DENY is denied; other
    // RT_FLOW messages (APPTRACK_SESSION_*, ...) give only the fields they carry.

    static String action(int kind) {
        return switch (kind) {
            case CREATE -> "create";
            case CLOSE -> "close";
            case DENY -> "deny";
            default -> null;
        };
    }

    static String phase(int kind) {
        return kind == CREATE ? LogEvent.START : kind == CLOSE ? LogEvent.END : null;
    }

    static String outcome(int kind) {
        return kind == CREATE || kind == CLOSE ? LogEvent.ALLOWED : kind == DENY ? LogEvent.DENIED : null;
    }
}
