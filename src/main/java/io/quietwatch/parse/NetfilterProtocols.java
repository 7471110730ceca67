package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

import java.util.Locale;

import static io.quietwatch.parse.NetfilterFields.ABSENT;

/**
 * What the netfilter parser knows of the protocols behind {@code PROTO=}: the ECS transport name
 * (IANA keyword, lower case) for the name or number the kernel prints, which fields a whole header of
 * each protocol carries, and which packets start a flow.
 */
final class NetfilterProtocols {
    private NetfilterProtocols() {
    }

    /** {@code start}, as every logged packet is an observation of a flow, except TCP past its opening SYN. */
    static String phase(NetfilterFields f, String transport) {
        if (transport == null) {
            return null;
        }
        if (transport.equals("tcp")) {
            return f.syn && !f.ack ? LogEvent.START : null;
        }
        return LogEvent.START;
    }

    /** Lower-case IANA keyword of a PROTO value, a name as the kernel prints it or a number. */
    static String transport(String s, int from, int to) {
        char first = s.charAt(from);
        if (first >= '0' && first <= '9') {
            switch (NetfilterFields.number(s, from, to, 0xff)) {
                case 1: return "icmp";
                case 6: return "tcp";
                case 17: return "udp";
                case 47: return "gre";
                case 50: return "esp";
                case 51: return "ah";
                case 58: return "ipv6-icmp";
                case 132: return "sctp";
                default: return s.substring(from, to).toLowerCase(Locale.ROOT);
            }
        }
        int len = to - from;
        if (is(s, from, len, "TCP")) {
            return "tcp";
        }
        if (is(s, from, len, "UDP")) {
            return "udp";
        }
        if (is(s, from, len, "ICMP")) {
            return "icmp";
        }
        if (is(s, from, len, "ICMPv6")) {
            return "ipv6-icmp";
        }
        return s.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private static boolean is(String s, int from, int len, String word) {
        return len == word.length() && s.regionMatches(true, from, word, 0, len);
    }

    /** What is missing from a whole header of {@code transport}, or null; cut-off lines lack these. */
    static String problem(NetfilterFields f, String transport) {
        if (transport == null || f.fragment || f.incomplete) {
            return null;
        }
        switch (transport) {
            case "tcp", "udp", "udplite" -> {
                if (f.sourcePort == ABSENT) {
                    return "missing SPT";
                }
                if (f.destinationPort == ABSENT) {
                    return "missing DPT";
                }
                if (transport.equals("tcp")) {
                    return f.urgentPointer ? null : "missing URGP (TCP header cut off?)";
                }
                return f.udpLength ? null : "missing UDP LEN (UDP header cut off?)";
            }
            case "icmp", "ipv6-icmp" -> {
                if (f.icmpType == ABSENT) {
                    return "missing ICMP TYPE";
                }
                return f.icmpCode == ABSENT ? "missing ICMP CODE" : null;
            }
            default -> {
                return null;
            }
        }
    }
}
