package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;

import java.time.ZoneId;
import java.util.Locale;

/**
 * What Check Point values mean: the verdict of an {@code action}, the time of a {@code time} (epoch
 * seconds by default, milliseconds with the exporter's {@code time_in_milli}, or an ISO-8601 stamp),
 * durations in seconds or {@code h:mm:ss}, and IP protocol numbers.
 */
final class CheckPointValues {
    private static final SyslogLocalTime LOCAL_TIME = new SyslogLocalTime();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Action words as the exporter writes them; see {@link #ACTION_OUTCOMES}. */
    static final String[] ACTIONS = {
        "Accept", "Drop", "Reject", "Block", "Prevent", "Allow", "Encrypt", "Decrypt", "Log In", "Failed Log In",
        "Log Out", "Detect", "Inform", "Ask", "Redirect", "Bypass", "Key Install", "Inline"};
    /** {@link #ACTIONS} in lower case, the event's action word. */
    static final String[] ACTION_WORDS = new String[ACTIONS.length];
    /**
     * {@code allowed} for Accept, Allow, Encrypt and Decrypt (VPN traffic that passed) and a successful
     * Log In; {@code denied} for Drop, Reject, Block, Prevent and Failed Log In; null for the rest
     * (Detect, Inform, Ask, Redirect, Bypass, ...), which are not access decisions.
     */
    static final String[] ACTION_OUTCOMES = {
        LogEvent.ALLOWED, LogEvent.DENIED, LogEvent.DENIED, LogEvent.DENIED, LogEvent.DENIED, LogEvent.ALLOWED,
        LogEvent.ALLOWED, LogEvent.ALLOWED, LogEvent.ALLOWED, LogEvent.DENIED, null, null, null, null, null, null,
        null, null};
    /** Index in {@link #ACTIONS} of the first login action (Log In, Failed Log In, Log Out follow). */
    static final int FIRST_LOGIN = 8;
    static final int LAST_LOGIN = 10;
    /** Product names most records carry, so their text is not copied each time. */
    static final String[] PRODUCTS = {
        "VPN-1 & FireWall-1", "Firewall", "VPN & FireWall", "URL Filtering", "Application Control", "Log Update",
        "Anti Malware", "Anti-Bot", "Anti-Virus", "IPS", "Threat Emulation", "Identity Awareness", "HTTPS Inspection",
        "Mobile Access", "Connectra", "SmartConsole", "System Monitor"};
    static final int URL_FILTERING = 3;

    static {
        for (int i = 0; i < ACTIONS.length; i++) {
            ACTION_WORDS[i] = ACTIONS[i].toLowerCase(Locale.ROOT);
        }
    }

    private CheckPointValues() {
    }

    /**
     * Epoch milliseconds of a {@code time} value in {@code s[from, to)}, or {@link SyslogMessage#NO_TIMESTAMP}.
     * Epoch numbers are told apart by size: seconds, milliseconds, microseconds or nanoseconds; a stamp
     * without a zone is in {@code zone}. An escape (a backslash) can be in neither, so the range is read
     * as written.
     */
    static long epochMillis(String s, int from, int to, ZoneId zone) {
        long n = Digits.value(s, from, to, Long.MAX_VALUE);
        if (n >= 0) {
            return EpochUnits.millis(n);
        }
        String value = s.substring(from, to);
        SyslogStamp stamp = new SyslogStamp();
        int end = stamp.readIso(value, 0);
        if (end != value.length()) {
            return SyslogMessage.NO_TIMESTAMP;
        }
        // the stamp has a year, so no clock is needed to place it
        return stamp.epochMillis(zone, LOCAL_TIME, null);
    }

    /**
     * The IP protocol keyword of {@code s[from, to)}, a number or a name: IANA's keyword, and {@code igmp}
     * and {@code vrrp} for protocols 2 and 112, which Check Point logs by number.
     */
    static String transport(String s, int from, int to) {
        return switch (IanaProtocols.number(s, from, to)) {
            case 2 -> "igmp";
            case 112 -> "vrrp";
            default -> IanaProtocols.name(s, from, to);
        };
    }

    /** Nanoseconds of a duration in {@code s[from, to)}, whole seconds or {@code [h:]mm:ss}; -1 when it is neither. */
    static long durationNanos(String s, int from, int to) {
        long seconds = 0;
        int start = from;
        int parts = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == ':') {
                long part = Digits.value(s, start, i, Integer.MAX_VALUE);
                if (part < 0 || ++parts > 3 || parts > 1 && part > 59) {
                    return -1;
                }
                seconds = seconds * 60 + part;
                start = i + 1;
            }
        }
        return seconds * NANOS_PER_SECOND;
    }

    /** {@code v} with the exporter's escapes undone: a backslash before {@code " \\ ] ; =} stands for that char. */
    static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(i + 1);
                if (next == '"' || next == '\\' || next == ']' || next == ';' || next == '=') {
                    c = next;
                    i++;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
