package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * The session fields every PAN-OS session log (TRAFFIC, THREAT, URL, DECRYPTION, tunnel, GTP, SCTP)
 * has at the same places, from Source Address (field 8 in the documentation's 1-based count, index 7
 * here) to Action (index 30): addresses and their NAT translations, rule, user, interfaces, session
 * id, ports, protocol and action.
 *
 * <p>A NAT address of {@code 0.0.0.0} (or {@code ::}) means "not translated" and is dropped with its
 * port. ICMP sessions are logged with ports 0, which are dropped too: ICMP has no ports.
 */
final class PanOsNetwork {
    static final int SOURCE = 7;
    static final int DESTINATION = 8;
    static final int NAT_SOURCE = 9;
    static final int NAT_DESTINATION = 10;
    static final int RULE = 11;
    static final int SOURCE_USER = 12;
    static final int APPLICATION = 14;
    static final int INBOUND_INTERFACE = 18;
    static final int OUTBOUND_INTERFACE = 19;
    static final int SESSION_ID = 22;
    static final int SOURCE_PORT = 24;
    static final int DESTINATION_PORT = 25;
    static final int NAT_SOURCE_PORT = 26;
    static final int NAT_DESTINATION_PORT = 27;
    static final int PROTOCOL = 29;
    static final int ACTION = 30;
    /** Number of fields up to and including Action. */
    static final int FIELDS = 31;

    private static final int MAX_PORT = 0xffff;

    private PanOsNetwork() {
    }

    /** Reads the session fields into {@code b}; the action word is returned for the caller's verdict. */
    static String read(PanOsCsv f, LogEventBuilder b) {
        String transport = transport(f);
        boolean icmp = IanaProtocols.isIcmp(transport);
        String source = address(f, SOURCE, "Source Address");
        String destination = address(f, DESTINATION, "Destination Address");
        String natSource = addressUnlessZero(f, NAT_SOURCE, "NAT Source IP");
        // With source NAT only, PAN-OS repeats the destination as its NAT address.
        String natDestination = f.same(NAT_DESTINATION, DESTINATION) && !zero(f, DESTINATION) ? destination
                : addressUnlessZero(f, NAT_DESTINATION, "NAT Destination IP");
        String action = f.text(ACTION);
        b.sourceIp(source)
                .destinationIp(destination)
                .sourcePort(port(f, SOURCE_PORT, "Source Port", icmp))
                .destinationPort(port(f, DESTINATION_PORT, "Destination Port", icmp))
                .sourceNatIp(natSource)
                .sourceNatPort(natSource == null ? null : port(f, NAT_SOURCE_PORT, "NAT Source Port", icmp))
                .destinationNatIp(natDestination)
                .destinationNatPort(natDestination == null ? null
                        : port(f, NAT_DESTINATION_PORT, "NAT Destination Port", icmp))
                .ruleName(f.text(RULE))
                .userName(f.text(SOURCE_USER))
                .ingressInterface(f.text(INBOUND_INTERFACE))
                .egressInterface(f.text(OUTBOUND_INTERFACE))
                .connectionId(sessionId(f))
                .transport(transport)
                .action(action);
        return action;
    }

    /**
     * {@code allowed} for the actions that let the traffic through ({@code allow}, {@code alert},
     * {@code continue}, {@code override}), {@code denied} for those that stop it ({@code deny},
     * {@code drop}, {@code reset-*}, {@code block-*}, {@code sinkhole}, ...), else null.
     */
    static String outcome(String action) {
        if (action == null) {
            return null;
        }
        switch (action) {
            case "allow", "alert", "continue", "override":
                return LogEvent.ALLOWED;
            default:
                break;
        }
        if (action.startsWith("deny") || action.startsWith("drop") || action.startsWith("reset")
                || action.startsWith("block") || action.equals("random-drop") || action.equals("sinkhole")
                || action.equals("override-lockout")) {
            return LogEvent.DENIED;
        }
        return null;
    }

    /** The address in field {@code i}; an error naming the field when it is empty or not an address. */
    static String address(PanOsCsv f, int i, String name) {
        String ip = optionalAddress(f, i, name);
        if (ip == null) {
            throw new PanOsFieldException("missing " + name);
        }
        return ip;
    }

    /** The address in field {@code i}, null when empty; an error naming the field when it is not an address. */
    static String optionalAddress(PanOsCsv f, int i, String name) {
        if (f.empty(i)) {
            return null;
        }
        String ip = IpAddresses.literal(f.line(), f.from(i), f.to(i));
        if (ip == null) {
            throw new PanOsFieldException(name + " is not an IP address");
        }
        return ip;
    }

    /** True when field {@code i} holds an IP address. */
    static boolean isAddress(PanOsCsv f, int i) {
        // the dotted-quad test first, as it needs no copy of the text
        return !f.empty(i) && (IpAddresses.parseIpv4(f.line(), f.from(i), f.to(i)) >= 0
                || IpAddresses.literal(f.line(), f.from(i), f.to(i)) != null);
    }

    /** As {@link #optionalAddress}, but {@code 0.0.0.0} and {@code ::}, "no address", are null too. */
    static String addressUnlessZero(PanOsCsv f, int i, String name) {
        return zero(f, i) ? null : optionalAddress(f, i, name);
    }

    private static boolean zero(PanOsCsv f, int i) {
        return f.is(i, "0.0.0.0") || f.is(i, "::");
    }

    private static Integer port(PanOsCsv f, int i, String name, boolean icmp) {
        long value = f.number(i);
        if (value == PanOsCsv.EMPTY || icmp && value == 0) {
            return null;
        }
        if (value < 0 || value > MAX_PORT) {
            throw new PanOsFieldException(name + " is not a port number 0-65535");
        }
        return (int) value;
    }

    private static String sessionId(PanOsCsv f) {
        long value = f.number(SESSION_ID);
        if (value == PanOsCsv.NOT_A_NUMBER) {
            throw new PanOsFieldException("Session ID is not a number");
        }
        return value <= 0 ? null : f.text(SESSION_ID);
    }

    /** Lower-case IANA keyword of the protocol: PAN-OS writes names ({@code tcp}), some exports numbers. */
    static String transport(PanOsCsv f) {
        return f.empty(PROTOCOL) ? null : IanaProtocols.name(f.line(), f.from(PROTOCOL), f.to(PROTOCOL));
    }
}
