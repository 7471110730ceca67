package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

/**
 * What FortiOS {@code action} words and protocol numbers mean. Traffic logs (Log Message Reference,
 * field {@code action}): {@code deny} is a policy block, {@code start} a session-start log, and every
 * other word (accept, close, timeout, client-rst, server-rst, ip-conn, dns, ...) a session the policy
 * allowed, the word telling how it ended. UTM and event logs use their own words (passthrough, pass,
 * blocked, dropped, reset, ...), read by {@link #utmOutcome}.
 */
final class FortigateVerdicts {
    private static final String[] DENIED = {
        "deny", "denied", "block", "blocked", "drop", "dropped", "reject", "rejected", "reset", "clear_session",
        "quarantine"};
    private static final String[] ALLOWED = {
        "accept", "accepted", "allow", "allowed", "pass", "passthrough", "pass_session", "permit", "monitored",
        "detected", "exempt"};
    private static final String[] SESSION_END = {"close", "timeout", "server-rst", "client-rst"};

    // Message ids (the logid's last digits) of traffic logs written when a session ends; 20 and 21
    // are interim statistics of sessions still open, 11 failed connections.
    private static final int END_FORWARD = 13;
    private static final int END_LOCAL = 14;
    private static final int MULTICAST = 12;
    private static final int SNIFFER = 17;
    private static final int BROADCAST = 19;

    private FortigateVerdicts() {
    }

    /** Outcome of a traffic log: denied for a policy block, null without action or while pending, else allowed. */
    static String trafficOutcome(FortigateFields f) {
        if (!f.has(FortigateKeys.ACTION) || f.is(FortigateKeys.ACTION, "pending")) {
            return null;
        }
        if (f.is(FortigateKeys.ACTION, "deny") || f.is(FortigateKeys.ACTION, "blocked")
                || f.is(FortigateKeys.ACTION, "block") || f.is(FortigateKeys.ACTION, "drop")
                || f.is(FortigateKeys.ACTION, "reject")) {
            return LogEvent.DENIED;
        }
        return LogEvent.ALLOWED;
    }

    /**
     * Phase of a traffic log: start for {@code action=start}; end for the words that close a session,
     * and for {@code accept} in a session-end log that carries a duration (how FortiOS ends UDP, ICMP
     * and other sessions without a TCP close).
     */
    static String trafficPhase(FortigateFields f) {
        if (f.is(FortigateKeys.ACTION, "start")) {
            return LogEvent.START;
        }
        for (String word : SESSION_END) {
            if (f.is(FortigateKeys.ACTION, word)) {
                return LogEvent.END;
            }
        }
        if (f.is(FortigateKeys.ACTION, "accept") && f.has(FortigateKeys.DURATION) && endLog(f)) {
            return LogEvent.END;
        }
        return null;
    }

    private static boolean endLog(FortigateFields f) {
        int id = f.has(FortigateKeys.LOGID) ? FortigateKeys.LOGID : FortigateKeys.LOG_ID;
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

    /** IANA keyword of an IP protocol number, lower case; the number itself when it has none here. */
    static String transport(int proto) {
        return switch (proto) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            case 58 -> "ipv6-icmp";
            case 89 -> "ospf";
            case 132 -> "sctp";
            default -> Integer.toString(proto);
        };
    }
}
