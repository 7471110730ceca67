package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;

import static io.quietwatch.parse.FilterlogRecord.ABSENT;

/**
 * What the filterlog parser knows of the protocol part after the addresses: TCP (source port,
 * destination port, data length, flags, sequence, ack, window, urgent pointer, options), UDP and pfSense's
 * SCTP (ports and length), CARP (type, TTL, VHID, version, advskew, advbase) and ICMP through
 * {@link FilterlogIcmp}; every other protocol carries only {@code datalength=N}, which is skipped. Also
 * the ECS transport name of the protocol and which packets start a flow.
 */
final class FilterlogProtocols {
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMPV6 = 58;
    static final int CARP = 112;
    static final int SCTP = 132;

    private static final int SYN = 2;
    private static final int ACK = 16;
    private static final String FLAG_LETTERS = "FSRPAUEC";
    private static final String[] FLAG_WORDS = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    /** "SYN ACK" and the like for each set of flag bits, in the order filterlog prints the letters. */
    private static final String[] FLAG_TEXT = flagTexts();

    private FilterlogProtocols() {
    }

    /** Reads the protocol part; {@code c} is on its first field (the one after the destination address). */
    static void read(FilterlogCursor c, FilterlogRecord r) {
        switch (r.protocol) {
            case TCP -> tcp(c, r);
            case UDP -> ports(c, r, "UDP");
            case SCTP -> {
                // pfSense prints SCTP ports; OPNsense only datalength=N.
                if (c.first() >= '0' && c.first() <= '9') {
                    ports(c, r, "SCTP");
                }
            }
            case ICMP -> FilterlogIcmp.read(c, r, false);
            case ICMPV6 -> FilterlogIcmp.read(c, r, true);
            case CARP -> carp(c, r);
            default -> {
                // datalength=N, or pfSense's IPv6 extension header dump: nothing the event uses.
            }
        }
    }

    private static void tcp(FilterlogCursor c, FilterlogRecord r) {
        // "errormsg='tcp 0 [bad hdr length 8 - too short < 20]'": pf could not read the TCP header.
        if (c.startsWith("errormsg")) {
            return;
        }
        r.sourcePort = c.current("TCP source port", 65535);
        r.destinationPort = c.number("TCP destination port", 65535);
        c.require("TCP data length");
        c.require("TCP flags");
        r.tcpFlags = flags(c);
        c.require("TCP sequence number");
        if (c.startsWith("errormsg")) {
            return;
        }
        c.require("TCP ack number");
        c.require("TCP window");
    }

    private static void ports(FilterlogCursor c, FilterlogRecord r, String protocol) {
        r.sourcePort = c.current(protocol + " source port", 65535);
        r.destinationPort = c.number(protocol + " destination port", 65535);
        c.require(protocol + " length");
    }

    private static void carp(FilterlogCursor c, FilterlogRecord r) {
        // pfSense writes nothing after the addresses of an IPv6 CARP (VRRP) packet.
        if (c.isEmpty()) {
            if (r.version == 6 && !c.hasNext()) {
                return;
            }
            throw c.hasNext() ? new FilterlogSyntaxException("CARP type is empty") : c.missing("CARP type");
        }
        c.require("CARP TTL");
        c.require("CARP VHID");
        c.require("CARP version");
        c.require("CARP advskew");
        c.require("CARP advbase");
    }

    private static int flags(FilterlogCursor c) {
        String s = c.text();
        int bits = 0;
        for (int i = c.from(); i < c.to(); i++) {
            int bit = FLAG_LETTERS.indexOf(s.charAt(i));
            if (bit < 0) {
                throw new FilterlogSyntaxException("TCP flags are not of FSRPAUEC: " + c.quoted());
            }
            bits |= 1 << bit;
        }
        return bits;
    }

    /** The flags as space-separated words ({@code SYN ACK}), or null when the record has none. */
    static String flagText(int bits) {
        return bits == ABSENT ? null : FLAG_TEXT[bits];
    }

    /**
     * {@code start} for a TCP SYN without ACK and for every other protocol (each logged packet is an
     * observation of a flow); null for the rest of a TCP conversation and for later fragments, whose first
     * fragment was the observation.
     */
    static String phase(FilterlogRecord r) {
        if (r.laterFragment) {
            return null;
        }
        if (r.protocol == TCP) {
            return r.tcpFlags != ABSENT && (r.tcpFlags & (SYN | ACK)) == SYN ? LogEvent.START : null;
        }
        return LogEvent.START;
    }

    /**
     * The lower-case IANA keyword of the protocol name as logged. FreeBSD's {@code getprotobynumber} gives
     * the keyword itself ({@code tcp}, {@code ipv6-icmp}, {@code carp}); pfSense's IPv6 printer uses its own
     * names ({@code UDP}, {@code ICMPv6}, {@code Options}), and a protocol neither knows is
     * {@code unknown(N)}, read as its number.
     */
    static String transport(String s, FilterlogRecord r) {
        int from = r.protocolFrom;
        int len = r.protocolTo - from;
        if (len == "Options".length() && s.regionMatches(true, from, "Options", 0, len)) {
            return "hopopt";
        }
        if (len == 0 || s.startsWith("unknown", from)) {
            return Integer.toString(r.protocol);
        }
        return IanaProtocols.name(s, from, r.protocolTo);
    }

    private static String[] flagTexts() {
        String[] texts = new String[1 << FLAG_WORDS.length];
        texts[0] = null;
        for (int bits = 1; bits < texts.length; bits++) {
            StringBuilder sb = new StringBuilder();
            for (int bit = 0; bit < FLAG_WORDS.length; bit++) {
                if ((bits & 1 << bit) != 0) {
                    sb.append(sb.length() == 0 ? "" : " ").append(FLAG_WORDS[bit]);
                }
            }
            texts[bits] = sb.toString();
        }
        return texts;
    }
}
