package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What the action and protocol words of CEF and LEEF senders mean: whether the device allowed or
 * denied the traffic, whether a record ends a session, and the ECS transport name.
 *
 * <p>Denied: block(ed), deny/denied, drop(ped), reject(ed), refuse(d), discard(ed), prevent(ed)
 * (Check Point IPS), and PAN-OS's reset-both/-client/-server (the firewall reset the session).
 * Allowed: allow(ed), accept(ed), permit(ted), pass(ed), and FortiGate's close, timeout, client-rst,
 * server-rst, which end sessions the policy accepted. Words are compared whole and without regard to
 * case, so {@code not blocked} (Citrix, detection only) decides nothing.
 */
final class CefVerdicts {
    private static final String[] DENIED = {"block", "blocked", "deny", "denied", "drop", "dropped", "reject",
        "rejected", "refuse", "refused", "discard", "discarded", "prevent", "prevented", "reset-both",
        "reset-client", "reset-server"};
    private static final String[] ALLOWED = {"allow", "allowed", "accept", "accepted", "permit", "permitted",
        "pass", "passed"};
    private static final String[] SESSION_END = {"close", "timeout", "client-rst", "server-rst"};
    private static final int KIND_DENIED = 1;
    private static final int KIND_ALLOWED = 2;
    private static final int KIND_SESSION_END = 3;
    private static final String[] WORDS = concat(DENIED, ALLOWED, SESSION_END);
    private static final int[] KINDS = kinds();
    private static final CefKeyTable TABLE = table();

    private CefVerdicts() {
    }

    /** {@code allowed}, {@code denied}, or null for the action word {@code s[from, to)}. */
    static String outcome(String s, int from, int to) {
        int kind = kind(s, from, to);
        if (kind == KIND_DENIED) {
            return LogEvent.DENIED;
        }
        return kind == 0 ? null : LogEvent.ALLOWED;
    }

    /** True when the action word says a session the device let through has ended. */
    static boolean endsSession(String s, int from, int to) {
        return kind(s, from, to) == KIND_SESSION_END;
    }

    // Matched by the key table's hash, case-blind (its folding also maps a few control characters onto
    // punctuation, which no device writes in an action word).
    private static int kind(String s, int from, int to) {
        if (to - from < 4 || to - from > 12) {
            return 0;
        }
        int id = TABLE.lookup(s, from, to);
        return id == CefKeyTable.UNKNOWN ? 0 : KINDS[id];
    }

    private static String[] concat(String[]... lists) {
        List<String> all = new ArrayList<>();
        for (String[] list : lists) {
            all.addAll(List.of(list));
        }
        return all.toArray(new String[0]);
    }

    private static int[] kinds() {
        int[] kinds = new int[WORDS.length];
        for (int i = 0; i < WORDS.length; i++) {
            kinds[i] = i < DENIED.length ? KIND_DENIED : i < DENIED.length + ALLOWED.length ? KIND_ALLOWED
                    : KIND_SESSION_END;
        }
        return kinds;
    }

    private static CefKeyTable table() {
        Object[] entries = new Object[2 * WORDS.length];
        for (int i = 0; i < WORDS.length; i++) {
            entries[2 * i] = WORDS[i];
            entries[2 * i + 1] = i;
        }
        return CefKeyTable.of(WORDS.length, entries);
    }

    /**
     * The outcome named by the last word of an event name such as {@code Connection_Discarded} or
     * {@code traffic:forward close} (Forcepoint, FortiGate), or null.
     */
    static String outcomeOfName(String s, int from, int to) {
        int end = to;
        while (end > from && !wordChar(s.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > from && wordChar(s.charAt(start - 1))) {
            start--;
        }
        return start < end ? outcome(s, start, end) : null;
    }

    /** {@code start} or {@code end} when {@code s[from, to)} is one of those words, else null. */
    static String phaseWord(String s, int from, int to) {
        if (is(s, from, to, "start")) {
            return LogEvent.START;
        }
        return is(s, from, to, "end") ? LogEvent.END : null;
    }

    /** Lower-case IANA keyword for a protocol name or number ({@code 6}, {@code TCP}, also IGMP's 2), or null. */
    static String transport(String s, int from, int to) {
        if (CefFields.placeholder(s, from, to)) {
            return null;
        }
        return IanaProtocols.number(s, from, to) == 2 ? "igmp" : IanaProtocols.name(s, from, to);
    }

    /** Whole-word, case-blind; {@code word} is lower case. The first letter is tested before the rest. */
    static boolean is(String s, int from, int to, String word) {
        return to - from == word.length() && (s.charAt(from) | 0x20) == word.charAt(0)
                && s.regionMatches(true, from, word, 0, word.length());
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
