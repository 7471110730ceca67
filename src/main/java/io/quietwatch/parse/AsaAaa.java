package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Reader of the AAA results 113004 and 113012 ({@code Successful}) and 113005 and 113015
 * ({@code Rejected}): {@code AAA user {authentication|authorization|accounting} Rejected : reason = r :
 * server = s : user = u : user IP = ip}, 113012/113015 naming {@code local database} instead of a
 * server. Releases differ in the separators ({@code " : "}, {@code ": "}, {@code " , "}) and in the
 * case of {@code User}, so the fields are found by their keys. A user hidden as {@code *****} (the
 * default for failed logins) or left empty is no user.
 */
final class AsaAaa {
    private static final String[] KEYS = {"reason =", "server =", "user IP =", "user =", "local database"};
    private static final int REASON = 0;
    private static final int USER_IP = 2;
    private static final int USER = 3;

    private AsaAaa() {
    }

    static void read(AsaCursor c, LogEventBuilder b) {
        c.keyword("AAA");
        c.keyword("user");
        String kind = c.word("AAA request type");
        if (!kind.equals("authentication") && !kind.equals("authorization") && !kind.equals("accounting")) {
            throw c.fail("AAA request type is not authentication, authorization or accounting");
        }
        String result = c.word("AAA result");
        if (result.endsWith(":")) {
            result = result.substring(0, result.length() - 1);
        }
        String outcome = switch (result) {
            case "Successful" -> LogEvent.ALLOWED;
            case "Rejected" -> LogEvent.DENIED;
            default -> throw c.fail("AAA result is not 'Successful' or 'Rejected'");
        };
        String text = c.text();
        int from = c.pos();
        int to = c.end();
        int[] at = new int[KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
            at[k] = key(text, from, to, KEYS[k]);
        }
        String user = value(text, at, USER, to);
        String ip = value(text, at, USER_IP, to);
        b.category(LogEvent.CATEGORY_SESSION).action(kind).outcome(outcome)
                .reason(value(text, at, REASON, to))
                .userName(user == null || isMasked(user) ? null : user)
                .sourceIp(ip != null && IpAddresses.isAddress(ip) ? ip : null);
        c.pos(to);
    }

    /** Where {@code key} starts (ignoring case) after a separator, or -1. */
    private static int key(String s, int from, int to, String key) {
        char first = key.charAt(0);
        for (int i = from; i + key.length() <= to; i++) {
            if ((s.charAt(i) | 0x20) == first && s.regionMatches(true, i, key, 0, key.length())
                    && (i == from || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == ':' || s.charAt(i - 1) == ',')) {
                return i;
            }
        }
        return -1;
    }

    /** The value of key {@code k}: up to the next key, without the separator before it; null if absent or empty. */
    private static String value(String s, int[] at, int k, int to) {
        if (at[k] < 0) {
            return null;
        }
        int start = at[k] + KEYS[k].length();
        int end = to;
        for (int other : at) {
            if (other > start && other < end) {
                end = other;
            }
        }
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > start && (s.charAt(end - 1) == ':' || s.charAt(end - 1) == ',')) {
            end--;
            while (end > start && s.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return end > start ? s.substring(start, end) : null;
    }

    private static boolean isMasked(String user) {
        for (int i = 0; i < user.length(); i++) {
            if (user.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }
}
