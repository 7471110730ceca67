package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.FortigateKeys.DSTINTF;
import static io.quietwatch.parse.FortigateKeys.DSTIP;
import static io.quietwatch.parse.FortigateKeys.DSTPORT;
import static io.quietwatch.parse.FortigateKeys.DURATION;
import static io.quietwatch.parse.FortigateKeys.ICMPCODE;
import static io.quietwatch.parse.FortigateKeys.ICMPTYPE;
import static io.quietwatch.parse.FortigateKeys.POLICYID;
import static io.quietwatch.parse.FortigateKeys.POLICYNAME;
import static io.quietwatch.parse.FortigateKeys.PROTO;
import static io.quietwatch.parse.FortigateKeys.RCVDBYTE;
import static io.quietwatch.parse.FortigateKeys.RCVDPKT;
import static io.quietwatch.parse.FortigateKeys.SENTBYTE;
import static io.quietwatch.parse.FortigateKeys.SENTPKT;
import static io.quietwatch.parse.FortigateKeys.SESSIONID;
import static io.quietwatch.parse.FortigateKeys.SRCINTF;
import static io.quietwatch.parse.FortigateKeys.SRCIP;
import static io.quietwatch.parse.FortigateKeys.SRCPORT;
import static io.quietwatch.parse.FortigateKeys.TRANIP;
import static io.quietwatch.parse.FortigateKeys.TRANPORT;
import static io.quietwatch.parse.FortigateKeys.TRANSIP;
import static io.quietwatch.parse.FortigateKeys.TRANSPORT;
import static io.quietwatch.parse.FortigateKeys.UNAUTHUSER;
import static io.quietwatch.parse.FortigateKeys.USER;
import static io.quietwatch.parse.FortigateValues.address;
import static io.quietwatch.parse.FortigateValues.count;
import static io.quietwatch.parse.FortigateValues.countValue;
import static io.quietwatch.parse.FortigateValues.digits;
import static io.quietwatch.parse.FortigateValues.port;

/**
 * The fields every FortiOS log type shares when it has them: the session's endpoints as the
 * FortiGate saw them ({@code srcip} is the initiator), the protocol number, interfaces, policy,
 * session id, source NAT ({@code transip}/{@code transport}) and destination NAT
 * ({@code tranip}/{@code tranport}), per-side bytes ({@code sentbyte} is what the source sent),
 * packets, duration in seconds, and the user ({@code user}, else the unauthenticated
 * {@code unauthuser} FortiOS learns from Kerberos or FSSO).
 */
final class FortigateNetwork {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final String ANY_ADDRESS = "0.0.0.0";

    private FortigateNetwork() {
    }

    /** Reads the shared fields into {@code b}; unreadable values are recorded on {@code f}. */
    static void apply(FortigateFields f, LogEventBuilder b) {
        long srcIpv4 = FortigateValues.ipv4(f, SRCIP);
        b.sourceIp(address(f, SRCIP, srcIpv4), srcIpv4)
                .sourcePort(port(f, SRCPORT));
        long dstIpv4 = FortigateValues.ipv4(f, DSTIP);
        b.destinationIp(address(f, DSTIP, dstIpv4), dstIpv4)
                .destinationPort(port(f, DSTPORT))
                .transport(transport(f))
                .ingressInterface(f.text(SRCINTF))
                .egressInterface(f.text(DSTINTF))
                .ruleName(f.has(POLICYNAME) ? f.text(POLICYNAME) : f.text(POLICYID))
                .connectionId(f.text(SESSIONID))
                .sourceBytes(count(f, SENTBYTE))
                .destinationBytes(count(f, RCVDBYTE))
                .networkPackets(packets(f))
                .durationNanos(duration(f))
                .userName(f.has(USER) ? f.text(USER) : f.text(UNAUTHUSER))
                .icmpType(icmp(f, ICMPTYPE))
                .icmpCode(icmp(f, ICMPCODE));
        nat(f, b);
    }

    // A sniffer or no-NAT session logs transip=0.0.0.0 transport=0: no translation.
    private static void nat(FortigateFields f, LogEventBuilder b) {
        String source = address(f, TRANSIP);
        if (source != null && !source.equals(ANY_ADDRESS)) {
            b.sourceNatIp(source).sourceNatPort(port(f, TRANSPORT));
        }
        String destination = address(f, TRANIP);
        if (destination != null && !destination.equals(ANY_ADDRESS)) {
            b.destinationNatIp(destination).destinationNatPort(port(f, TRANPORT));
        }
    }

    private static String transport(FortigateFields f) {
        if (!f.has(PROTO)) {
            return null;
        }
        long proto = digits(f, PROTO);
        if (proto < 0 || proto > 0xff) {
            f.fail(PROTO, "is not a protocol number 0-255");
            return null;
        }
        return switch ((int) proto) {
            case 2 -> "igmp";
            case 89 -> "ospf";
            default -> IanaProtocols.name((int) proto);
        };
    }

    private static Long packets(FortigateFields f) {
        long sent = countValue(f, SENTPKT);
        long received = countValue(f, RCVDPKT);
        if (sent < 0 && received < 0) {
            return null;
        }
        return Math.max(sent, 0) + Math.max(received, 0);
    }

    /** {@code duration} seconds as nanoseconds. */
    static Long duration(FortigateFields f) {
        long seconds = countValue(f, DURATION);
        if (seconds < 0) {
            return null;
        }
        if (seconds > Long.MAX_VALUE / NANOS_PER_SECOND) {
            f.fail(DURATION, "is out of range");
            return null;
        }
        return seconds * NANOS_PER_SECOND;
    }

    /** ICMP type or code, decimal or {@code 0x..} as anomaly logs write it; null when unreadable. */
    private static Integer icmp(FortigateFields f, int id) {
        if (!f.has(id)) {
            return null;
        }
        String s = f.line();
        int from = f.from(id);
        int to = f.to(id);
        int radix = 10;
        if (to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            radix = 16;
            from += 2;
        }
        if (to - from > 3) {
            return null;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                return null;
            }
            v = v * radix + d;
        }
        return v <= 0xff ? v : null;
    }
}
