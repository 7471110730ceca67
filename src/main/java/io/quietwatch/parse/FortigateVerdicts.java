package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

/**
 * What FortiOS {@code action} words mean. Traffic logs (Log Message Reference, field {@code action}):
 * {@code deny} is a policy block, {@code start} a session-start log, and every other word (accept, close,
 * timeout, client-rst, server-rst, ip-conn, dns, ...) a session the policy allowed, the word telling how
 * it ended. UTM and event logs use their own words (passthrough, pass, blocked, dropped, reset, ...), read
 * by {@link #utmOutcome}.
 */
final class FortigateVerdicts {
    private static final String[] DENIED = {
        "deny", "denied", "block", "blocked", "drop", "dropped", "reject", "rejected", "reset", "clear_session",
        "quarantine"};
    private static final String[] ALLOWED = {
        "accept", "accepted", "allow", "allowed", "pass", "passthrough", "pass_session", "permit", "monitored",
        "detected", "exempt"};
    private static final String[] SESSION_END = {"close", "timeout", "server-rst", "client-rst"};
    // FortiOS 6+ logs these as subtypes of type=utm; FortiOS 5.x and earlier used them as types.
    private static final String[] UTM_TYPES = {
        "utm", "webfilter", "virus", "ips", "anomaly", "app-ctrl", "dlp", "emailfilter", "spam", "voip", "waf",
        "dns", "ssh", "ssl", "cifs", "file-filter", "icap", "casb", "virtual-patch", "netscan"};

    // Message ids (the logid's last digits) of traffic logs written when a session ends; 20 and 21
    // are interim statistics of sessions still open, 11 failed connections.
    private static final int END_FORWARD = 13;
    private static final int END_LOCAL = 14;
    private static final int MULTICAST = 12;
    private static final int SNIFFER = 17;
    private static final int BROADCAST = 19;

    private FortigateVerdicts() {
    }

    /** The field holding a traffic log's action: {@code action}, or FortiOS 4's {@code status}. */
    static int trafficAction(FortigateFields f) {
        return f.present(FortigateKeys.ACTION) ? FortigateKeys.ACTION : FortigateKeys.STATUS;
    }

    /** Outcome of a traffic log: denied for a policy block, null without action or while pending, else allowed. */
    static String trafficOutcome(FortigateFields f, int action) {
        if (!f.has(action) || f.is(action, "pending")) {
            return null;
        }
        if (f.is(action, "deny") || f.is(action, "blocked") || f.is(action, "block") || f.is(action, "drop")
                || f.is(action, "reject")) {
            return LogEvent.DENIED;
        }
        return LogEvent.ALLOWED;
    }

    /**
     * Phase of a traffic log: start for {@code action=start}; end for the words that close a session,
     * and for {@code accept} in a session-end log that carries a duration (how FortiOS ends UDP, ICMP
     * and other sessions without a TCP close).
     */
    static String trafficPhase(FortigateFields f, int action) {
        if (f.is(action, "start")) {
            return LogEvent.START;
        }
        for (String word : SESSION_END) {
            if (f.is(action, word)) {
                return LogEvent.END;
            }
        }
        if (f.is(action, "accept") && f.has(FortigateKeys.DURATION) && endLog(f)) {
            return LogEvent.END;
        }
        return null;
    }

    private static boolean endLog(FortigateFields f) {
        int id = FortigateKeys.LOGID;
        if (!f.has(id) || f.to(id) - f.from(id) < 2) {
            return false;
        }
        int to = f.to(id);
        String s = f.line();
        char tens = s.charAt(to - 2);
        char ones = s.charAt(to - 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return false;
        }
        int message = (tens - '0') * 10 + ones - '0';
        return message == END_FORWARD || message == END_LOCAL || message == MULTICAST || message == SNIFFER
                || message == BROADCAST;
    }

    /** Outcome of a UTM or event action word: denied, allowed, or null for words that decide nothing. */
    static String utmOutcome(FortigateFields f) {
        for (String word : DENIED) {
            if (f.is(FortigateKeys.ACTION, word)) {
                return LogEvent.DENIED;
            }
        }
        for (String word : ALLOWED) {
            if (f.is(FortigateKeys.ACTION, word)) {
                return LogEvent.ALLOWED;
            }
        }
        return null;
    }

    /** True for the security-profile log types ({@code utm}, and what older firmware used instead). */
    static boolean utm(FortigateFields f) {
        for (String word : UTM_TYPES) {
            if (f.is(FortigateKeys.TYPE, word)) {
                return true;
            }
        }
        return false;
    }
}
