package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

import static io.quietwatch.parse.NetfilterFields.ABSENT;

/**
 * What the netfilter parser knows of the protocols behind {@code PROTO=} (read into their IANA keyword
 * by {@link io.quietwatch.event.IanaProtocols}): which fields a whole header of each protocol carries,
 * and which packets start a flow.
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
