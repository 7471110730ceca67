package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;

import static io.quietwatch.parse.FortigateKeys.DURATION;
import static io.quietwatch.parse.FortigateKeys.POLICYID;
import static io.quietwatch.parse.FortigateKeys.POLICYNAME;
import static io.quietwatch.parse.FortigateKeys.PROTO;
import static io.quietwatch.parse.FortigateKeys.RCVDPKT;
import static io.quietwatch.parse.FortigateKeys.SENTPKT;
import static io.quietwatch.parse.FortigateKeys.UNAUTHUSER;
import static io.quietwatch.parse.FortigateKeys.USER;
import static io.quietwatch.parse.FortigateValues.address;
import static io.quietwatch.parse.FortigateValues.countValue;
import static io.quietwatch.parse.FortigateValues.digits;

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

    /** The user: {@code user}, else the unauthenticated {@code unauthuser}. */
    static String user(FortigateFields f) {
        return f.has(USER) ? f.text(USER) : f.text(UNAUTHUSER);
    }

    /** The policy's name, else its id. */
    static String rule(FortigateFields f) {
        return f.has(POLICYNAME) ? f.text(POLICYNAME) : f.text(POLICYID);
    }

    /** A translated address, null for none: a sniffer or no-NAT session logs {@code transip=0.0.0.0}. */
    static String nat(FortigateFields f, int id) {
        String a = address(f, id);
        return a == null || a.equals(ANY_ADDRESS) ? null : a;
    }

    static String transport(FortigateFields f) {
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

    static Long packets(FortigateFields f) {
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
    static Integer icmp(FortigateFields f, int id) {
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
