package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
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
 * reader ({@link SrxStructured}) or the plain-text reader ({@link SrxText}), then checked and made into an
 * event by {@link #event}. Junos writes {@code N/A} (and {@code None}, {@code UNKNOWN}) for what it does
 * not know; those read as absent. One instance per line; not thread-safe.
 */
final class SrxSession {
    static final int ABSENT = -1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND;

    /** A number field that is there but does not read. */
    private static final long BAD = -2;
    private static final long MAX_PORT = 0xffff;

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
     * The event of this session message (time, device and tag from the caller), or {@code Malformed}
     * naming the field whose value does not read: endpoints, NAT, transport, policy, zones (as the
     * interfaces), session id, counters, duration, user and reason, gathered first and made into the
     * event in one call ({@link LogEventBuilder#create}).
     */
    ParseResult event(ParseContext context, long timestamp, String vendor, String product, String host,
                      String format, String eventCode, int kind, String original) {
        long srcIpv4 = ipv4(SOURCE_ADDRESS);
        String src = address(SOURCE_ADDRESS, srcIpv4);
        long dstIpv4 = ipv4(DESTINATION_ADDRESS);
        String dst = address(DESTINATION_ADDRESS, dstIpv4);
        String srcNat = address(NAT_SOURCE_ADDRESS, ipv4(NAT_SOURCE_ADDRESS));
        String dstNat = address(NAT_DESTINATION_ADDRESS, ipv4(NAT_DESTINATION_ADDRESS));
        int bad = bad(SOURCE_ADDRESS, src) ? SOURCE_ADDRESS : bad(DESTINATION_ADDRESS, dst) ? DESTINATION_ADDRESS
                : bad(NAT_SOURCE_ADDRESS, srcNat) ? NAT_SOURCE_ADDRESS
                : bad(NAT_DESTINATION_ADDRESS, dstNat) ? NAT_DESTINATION_ADDRESS : ABSENT;
        if (bad != ABSENT) {
            return ParseResult.malformed(SrxKeys.NAMES[bad] + " is not an IP address");
        }
        long srcPort = value(SOURCE_PORT, MAX_PORT);
        long dstPort = value(DESTINATION_PORT, MAX_PORT);
        long srcNatPort = value(NAT_SOURCE_PORT, MAX_PORT);
        long dstNatPort = value(NAT_DESTINATION_PORT, MAX_PORT);
        bad = bad(SOURCE_PORT, srcPort, bad(DESTINATION_PORT, dstPort, bad(NAT_SOURCE_PORT, srcNatPort,
                bad(NAT_DESTINATION_PORT, dstNatPort, ABSENT))));
        if (bad != ABSENT) {
            return ParseResult.malformed(SrxKeys.NAMES[bad] + " is not a port number 0-65535");
        }
        long packetsIn = value(PACKETS_FROM_CLIENT, Long.MAX_VALUE);
        long sent = value(BYTES_FROM_CLIENT, Long.MAX_VALUE);
        long packetsOut = value(PACKETS_FROM_SERVER, Long.MAX_VALUE);
        long received = value(BYTES_FROM_SERVER, Long.MAX_VALUE);
        long elapsed = value(ELAPSED_TIME, Long.MAX_VALUE);
        bad = bad(PACKETS_FROM_CLIENT, packetsIn, bad(BYTES_FROM_CLIENT, sent, bad(PACKETS_FROM_SERVER, packetsOut,
                bad(BYTES_FROM_SERVER, received, bad(ELAPSED_TIME, elapsed, ABSENT)))));
        if (bad != ABSENT) {
            return ParseResult.malformed(SrxKeys.NAMES[bad] + " is not a number");
        }
        String transport = transport();
        Integer icmpType = null;
        if (has(ICMP_TYPE) && IanaProtocols.isIcmp(transport)) {
            long type = number(ICMP_TYPE, 0xff);
            if (type < 0) {
                return ParseResult.malformed("icmp-type is not a number 0-255");
            }
            icmpType = (int) type;
        }
        return ParseResult.parsed(LogEventBuilder.create(context.internal(), timestamp, vendor, product, host,
                format, eventCode, LogEvent.CATEGORY_NETWORK, SrxTag.action(kind), SrxTag.outcome(kind),
                SrxTag.phase(kind), text(REASON), src, srcIpv4, port(srcPort), dst, dstIpv4,
                port(dstPort), srcNat, port(srcNatPort), dstNat, port(dstNatPort),
                transport,
                elapsed < 0 ? null : Long.valueOf(Math.min(elapsed, MAX_SECONDS) * NANOS_PER_SECOND),
                sent < 0 ? null : Long.valueOf(sent), received < 0 ? null : Long.valueOf(received), null,
                packetsIn >= 0 && packetsOut >= 0 ? Long.valueOf(packetsIn + packetsOut) : null, null, null, null,
                icmpType, null, text(SOURCE_ZONE), text(DESTINATION_ZONE), text(POLICY_NAME), null, null, null,
                null, null, null, null, user(), null, has(SESSION_ID_32) ? text(SESSION_ID_32) : text(SESSION_ID),
                original));
    }

    /** The number in field {@code id}: {@link #ABSENT} when there is none, {@link #BAD} when it does not read. */
    private long value(int id, long max) {
        if (!has(id)) {
            return ABSENT;
        }
        long n = number(id, max);
        return n < 0 ? BAD : n;
    }

    /** {@code id} when {@code value} is {@link #BAD}, else {@code otherwise}: the first bad one of a chain. */
    private static int bad(int id, long value, int otherwise) {
        return value == BAD ? id : otherwise;
    }

    private static Integer port(long value) {
        return value < 0 ? null : Integer.valueOf((int) value);
    }

    private long ipv4(int id) {
        return has(id) ? IpAddresses.parseIpv4(s, from[id], to[id]) : -1;
    }

    /** The address literal of field {@code id}, or null (absent, a Junos "none" word, or not an address). */
    private String address(int id, long ipv4) {
        return blank(id) ? null : IpAddresses.literal(s, from[id], to[id], ipv4);
    }

    /** A value that is there but is no address ({@code address} null); NAT fields may say {@code N/A}. */
    private boolean bad(int id, String address) {
        if (address != null || blank(id)) {
            return false;
        }
        boolean nat = id == NAT_SOURCE_ADDRESS || id == NAT_DESTINATION_ADDRESS;
        return !(nat && to[id] - from[id] == 3 && s.startsWith("N/A", from[id]));
    }

    /** True when {@link #text} would be null: absent, blank or a Junos "none" word. */
    private boolean blank(int id) {
        int f = from[id];
        if (f == ABSENT) {
            return true;
        }
        int t = to[id];
        while (t > f && s.charAt(t - 1) == ' ') {
            t--;
        }
        return t == f || none(s, f, t);
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
