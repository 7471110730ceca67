package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEventBuilder;

import java.util.Arrays;

import static io.quietwatch.parse.SrxKeys.BYTES_FROM_CLIENT;
import static io.quietwatch.parse.SrxKeys.BYTES_FROM_SERVER;
import static io.quietwatch.parse.SrxKeys.DESTINATION_ADDRESS;
import static io.quietwatch.parse.SrxKeys.DESTINATION_PORT;
import static io.quietwatch.parse.SrxKeys.DESTINATION_ZONE;
import static io.quietwatch.parse.SrxKeys.ELAPSED_TIME;
import static io.quietwatch.parse.SrxKeys.ICMP_TYPE;
import static io.quietwatch.parse.SrxKeys.NAT_DESTINATION_ADDRESS;
import static io.quietwatch.parse.SrxKeys.NAT_DESTINATION_PORT;
import static io.quietwatch.parse.SrxKeys.NAT_SOURCE_ADDRESS;
import static io.quietwatch.parse.SrxKeys.NAT_SOURCE_PORT;
import static io.quietwatch.parse.SrxKeys.PACKETS_FROM_CLIENT;
import static io.quietwatch.parse.SrxKeys.PACKETS_FROM_SERVER;
import static io.quietwatch.parse.SrxKeys.POLICY_NAME;
import static io.quietwatch.parse.SrxKeys.PROTOCOL_ID;
import static io.quietwatch.parse.SrxKeys.REASON;
import static io.quietwatch.parse.SrxKeys.SESSION_ID;
import static io.quietwatch.parse.SrxKeys.SESSION_ID_32;
import static io.quietwatch.parse.SrxKeys.SOURCE_ADDRESS;
import static io.quietwatch.parse.SrxKeys.SOURCE_PORT;
import static io.quietwatch.parse.SrxKeys.SOURCE_ZONE;
import static io.quietwatch.parse.SrxKeys.USERNAME;

/**
 * The fields of one RT_FLOW session message, as positions in its text: filled by the structured-data
 * reader ({@link SrxStructured}) or the plain-text reader ({@link SrxText}), then checked and put into an
 * event by {@link #apply}. Junos writes {@code N/A} (and {@code None}, {@code UNKNOWN}) for what it does
 * not know; those read as absent. One instance per line; not thread-safe.
 */
final class SrxSession {
    static final int ABSENT = -1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND;

    final String s;
    private final int[] from = new int[SrxKeys.COUNT];
    private final int[] to = new int[SrxKeys.COUNT];

    SrxSession(String s) {
        this.s = s;
        Arrays.fill(from, ABSENT);
    }

    void set(int id, int valueFrom, int valueTo) {
        from[id] = valueFrom;
        to[id] = valueTo;
    }

    boolean has(int id) {
        return from[id] != ABSENT;
    }

    /**
     * Checks the fields and puts them into {@code b}: endpoints, NAT, transport, policy, zones (as the
     * interfaces), session id, counters, duration, user and reason. Returns the problem naming the
     * field, or null.
     */
    String apply(LogEventBuilder b) {
        String problem = endpoints(b);
        if (problem != null) {
            return problem;
        }
        problem = counters(b);
        if (problem != null) {
            return problem;
        }
        String transport = transport();
        b.transport(transport)
                .ruleName(text(POLICY_NAME))
                .ingressInterface(text(SOURCE_ZONE))
                .egressInterface(text(DESTINATION_ZONE))
                .connectionId(has(SESSION_ID_32) ? text(SESSION_ID_32) : text(SESSION_ID))
                .userName(user())
                .reason(text(REASON));
        if (has(ICMP_TYPE) && IanaProtocols.isIcmp(transport)) {
            long type = number(ICMP_TYPE, 0xff);
            if (type < 0) {
                return "icmp-type is not a number 0-255";
            }
            b.icmpType((int) type);
        }
        return null;
    }

    private String endpoints(LogEventBuilder b) {
        String problem = address(SOURCE_ADDRESS, false);
        if (problem == null) {
            problem = address(DESTINATION_ADDRESS, false);
        }
        if (problem == null) {
            problem = address(NAT_SOURCE_ADDRESS, true);
        }
        if (problem == null) {
            problem = address(NAT_DESTINATION_ADDRESS, true);
        }
        if (problem != null) {
            return problem;
        }
        for (int id : new int[] {SOURCE_PORT, DESTINATION_PORT, NAT_SOURCE_PORT, NAT_DESTINATION_PORT}) {
            if (has(id) && number(id, 0xffff) < 0) {
                return SrxKeys.NAMES[id] + " is not a port number 0-65535";
            }
        }
        b.sourceIp(text(SOURCE_ADDRESS)).sourcePort(port(SOURCE_PORT))
                .destinationIp(text(DESTINATION_ADDRESS)).destinationPort(port(DESTINATION_PORT))
                .sourceNatIp(text(NAT_SOURCE_ADDRESS)).sourceNatPort(port(NAT_SOURCE_PORT))
                .destinationNatIp(text(NAT_DESTINATION_ADDRESS)).destinationNatPort(port(NAT_DESTINATION_PORT));
        return null;
    }

    private String counters(LogEventBuilder b) {
        long[] values = new long[5];
        int[] ids = {PACKETS_FROM_CLIENT, BYTES_FROM_CLIENT, PACKETS_FROM_SERVER, BYTES_FROM_SERVER, ELAPSED_TIME};
        for (int i = 0; i < ids.length; i++) {
            values[i] = has(ids[i]) ? number(ids[i], Long.MAX_VALUE) : ABSENT;
            if (has(ids[i]) && values[i] < 0) {
                return SrxKeys.NAMES[ids[i]] + " is not a number";
            }
        }
        if (values[0] >= 0 && values[2] >= 0) {
            b.networkPackets(values[0] + values[2]);
        }
        b.sourceBytes(values[1] < 0 ? null : values[1]).destinationBytes(values[3] < 0 ? null : values[3]);
        if (values[4] >= 0) {
            b.durationNanos(Math.min(values[4], MAX_SECONDS) * NANOS_PER_SECOND);
        }
        return null;
    }

    private String address(int id, boolean nat) {
        if (!has(id) || text(id) == null) {
            return null;
        }
        int f = from[id];
        int t = to[id];
        if (IpAddresses.literal(s, f, t) != null) {
            return null;
        }
        return nat && t - f == 3 && s.startsWith("N/A", f) ? null : SrxKeys.NAMES[id] + " is not an IP address";
    }

    /** Lower-case IANA keyword of protocol-id: Junos logs the number. */
    private String transport() {
        if (!has(PROTOCOL_ID)) {
            return null;
        }
        long number = number(PROTOCOL_ID, 0xff);
        return number >= 0 ? IanaProtocols.name((int) number) : IanaProtocols.name(text(PROTOCOL_ID));
    }

    private String user() {
        String user = text(USERNAME);
        return user == null || user.equalsIgnoreCase("unknown") ? null : user;
    }

    private Integer port(int id) {
        return has(id) ? Integer.valueOf((int) number(id, 0xffff)) : null;
    }

    /** The value as text, structured-data escapes undone; null when absent, empty or a Junos "none" word. */
    String text(int id) {
        int f = from[id];
        if (f == ABSENT) {
            return null;
        }
        int t = to[id];
        while (t > f && s.charAt(t - 1) == ' ') {
            t--;
        }
        if (t == f || none(s, f, t)) {
            return null;
        }
        String v = s.substring(f, t);
        for (int i = f; i < t; i++) {
            if (s.charAt(i) == '\\') {
                return SrxStructured.unescape(v);
            }
        }
        return v;
    }

    /** The decimal value of field {@code id}, or -1 when it is not a number up to {@code max}. */
    long number(int id, long max) {
        return Digits.value(s, from[id], to[id], max);
    }

    static boolean none(String s, int f, int t) {
        char first = s.charAt(f);
        if (first != 'N' && first != 'U') {
            return false;
        }
        int len = t - f;
        return len == 3 && s.startsWith("N/A", f) || len == 4 && s.startsWith("None", f)
                || len == 7 && s.startsWith("UNKNOWN", f);
    }

}
