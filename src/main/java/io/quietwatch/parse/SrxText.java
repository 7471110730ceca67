package io.quietwatch.parse;

import static io.quietwatch.parse.SrxKeys.BYTES_FROM_CLIENT;
import static io.quietwatch.parse.SrxKeys.BYTES_FROM_SERVER;
import static io.quietwatch.parse.SrxKeys.DESTINATION_ZONE;
import static io.quietwatch.parse.SrxKeys.ELAPSED_TIME;
import static io.quietwatch.parse.SrxKeys.ICMP_TYPE;
import static io.quietwatch.parse.SrxKeys.NAT_SOURCE_ADDRESS;
import static io.quietwatch.parse.SrxKeys.PACKETS_FROM_CLIENT;
import static io.quietwatch.parse.SrxKeys.PACKETS_FROM_SERVER;
import static io.quietwatch.parse.SrxKeys.POLICY_NAME;
import static io.quietwatch.parse.SrxKeys.PROTOCOL_ID;
import static io.quietwatch.parse.SrxKeys.REASON;
import static io.quietwatch.parse.SrxKeys.SESSION_ID_32;
import static io.quietwatch.parse.SrxKeys.SOURCE_ADDRESS;
import static io.quietwatch.parse.SrxKeys.SOURCE_ZONE;
import static io.quietwatch.parse.SrxKeys.USERNAME;

/**
 * Reads the plain-text ("stream mode", non-structured) RT_FLOW session messages by position:
 * <pre>
 * session created SRC/p->DST/p [0x0] service NATSRC/p->NATDST/p [0x0] NAT-RULES proto policy from to id ...
 * session closed REASON: SRC/p->DST/p [0x0] service NATSRC/p->NATDST/p [0x0] NAT-RULES proto policy from to
 *     id pkts(bytes) pkts(bytes) elapsed ...
 * session denied SRC/p->DST/p [0x0] service proto(icmp-type) policy from to ...
 * </pre>
 * Junos 12.1X47 and later add the connection tags ({@code 0x0}) and write four NAT rule fields, each
 * rule type being {@code N/A} or two words ({@code source rule}, {@code destination rule}, {@code static
 * rule}); earlier releases write two NAT rule names. The count is taken from the tags and checked against
 * the protocol number that follows, trying the other layout when it does not fit. The words after the
 * fixed part differ between releases; the first {@code user(roles)} word among them names the user.
 */
final class SrxText {
    private static final String CLOSED = "session closed ";
    private static final int USER_LOOKAHEAD = 4;

    private SrxText() {
    }

    /** Reads the message body starting at {@code body}; returns the problem naming the field, or null. */
    static String read(SrxSession out, int body, int kind) {
        String s = out.s;
        int arrow = s.indexOf("->", body);
        if (arrow < 0) {
            return "no source-address/port->destination-address/port";
        }
        int start = Math.max(body, s.lastIndexOf(' ', arrow) + 1);
        if (kind == SrxTag.CLOSE) {
            reason(out, body, start);
        }
        SrxTokens t = new SrxTokens(s, start);
        if (!t.next() || !pair(t, out, SOURCE_ADDRESS)) {
            return "source-address/port->destination-address/port is unreadable";
        }
        boolean tagged = t.next() && t.hex();
        if (tagged) {
            t.next();
        }
        if (t.from == t.to) {
            return "missing service-name";
        }
        if (kind == SrxTag.DENY) {
            return denied(t, out);
        }
        if (!t.next() || !pair(t, out, NAT_SOURCE_ADDRESS)) {
            return "nat-source-address/port->nat-destination-address/port is unreadable";
        }
        if (t.next() && t.hex()) {
            tagged = true;
            t.next();
        }
        if (!protocolAfterRules(t, out, tagged)) {
            return "protocol-id is not a number after the NAT rule fields";
        }
        if (!names(t, out)) {
            return "missing policy-name, source-zone-name or destination-zone-name";
        }
        if (!t.next() || t.number(Long.MAX_VALUE) < 0) {
            return "session-id is not a number";
        }
        out.set(SESSION_ID_32, t.from, t.to);
        if (kind == SrxTag.CLOSE) {
            String problem = counters(t, out);
            if (problem != null) {
                return problem;
            }
        }
        user(t, out);
        return null;
    }

    private static String denied(SrxTokens t, SrxSession out) {
        // a few releases log a second word before protocol-id(icmp-type)
        if (!t.next() || !protocolAndIcmp(t, out) && (!t.next() || !protocolAndIcmp(t, out))) {
            return "protocol-id(icmp-type) is unreadable";
        }
        if (!names(t, out)) {
            return "missing policy-name, source-zone-name or destination-zone-name";
        }
        user(t, out);
        return null;
    }

    private static String counters(SrxTokens t, SrxSession out) {
        if (!t.next() || !packetsAndBytes(t, out, PACKETS_FROM_CLIENT, BYTES_FROM_CLIENT)) {
            return "packets-from-client(bytes-from-client) is unreadable";
        }
        if (!t.next() || !packetsAndBytes(t, out, PACKETS_FROM_SERVER, BYTES_FROM_SERVER)) {
            return "packets-from-server(bytes-from-server) is unreadable";
        }
        if (!t.next() || t.number(Long.MAX_VALUE) < 0) {
            return "elapsed-time is not a number";
        }
        out.set(ELAPSED_TIME, t.from, t.to);
        return null;
    }

    /** {@code text} between {@code session closed } and the {@code :} before the addresses. */
    private static void reason(SrxSession out, int body, int addresses) {
        String s = out.s;
        int closed = s.indexOf(CLOSED, body);
        if (closed < 0 || closed >= addresses) {
            return;
        }
        int from = closed + CLOSED.length();
        int to = addresses;
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (to > from && s.charAt(to - 1) == ':') {
            to--;
        }
        if (to > from) {
            out.set(REASON, from, to);
        }
    }

    /** {@code addr/port->addr/port} into the four ids from {@code base}; IPv6 addresses hold colons, not slashes. */
    private static boolean pair(SrxTokens t, SrxSession out, int base) {
        String s = out.s;
        int arrow = s.indexOf("->", t.from);
        if (arrow < 0 || arrow >= t.to) {
            return false;
        }
        int leftSlash = s.lastIndexOf('/', arrow - 1);
        int rightSlash = s.lastIndexOf('/', t.to - 1);
        if (leftSlash <= t.from || rightSlash <= arrow + 2) {
            return false;
        }
        out.set(base, t.from, leftSlash);
        out.set(base + 1, leftSlash + 1, arrow);
        out.set(base + 2, arrow + 2, rightSlash);
        out.set(base + 3, rightSlash + 1, t.to);
        return true;
    }

    private static boolean protocolAfterRules(SrxTokens t, SrxSession out, boolean tagged) {
        int first = t.from;
        int expected = tagged ? 4 : 2;
        for (int fields : new int[] {expected, 6 - expected}) {
            t.reset(first);
            if (skipRules(t, fields) && t.number(0xff) >= 0) {
                out.set(PROTOCOL_ID, t.from, t.to);
                return true;
            }
        }
        return false;
    }

    private static boolean skipRules(SrxTokens t, int fields) {
        for (int i = 0; i < fields; i++) {
            if (t.is("source") || t.is("destination") || t.is("static")) {
                int type = t.from;
                if (!t.next() || !t.is("rule")) {
                    t.reset(type);
                }
            }
            if (!t.next()) {
                return false;
            }
        }
        return true;
    }

    /** The protocol word is current; policy, source zone and destination zone follow. */
    private static boolean names(SrxTokens t, SrxSession out) {
        for (int id : new int[] {POLICY_NAME, SOURCE_ZONE, DESTINATION_ZONE}) {
            if (!t.next()) {
                return false;
            }
            out.set(id, t.from, t.to);
        }
        return true;
    }

    /** {@code 6(0)}: protocol-id(icmp-type). */
    private static boolean protocolAndIcmp(SrxTokens t, SrxSession out) {
        int open = t.indexOf('(');
        String s = out.s;
        if (open < 0 || s.charAt(t.to - 1) != ')' || Digits.value(s, t.from, open, 0xff) < 0
                || Digits.value(s, open + 1, t.to - 1, 0xff) < 0) {
            return false;
        }
        out.set(PROTOCOL_ID, t.from, open);
        out.set(ICMP_TYPE, open + 1, t.to - 1);
        return true;
    }

    /** {@code 10(1234)}: packets(bytes). */
    private static boolean packetsAndBytes(SrxTokens t, SrxSession out, int packets, int bytes) {
        int open = t.indexOf('(');
        String s = out.s;
        if (open < 0 || s.charAt(t.to - 1) != ')' || Digits.value(s, t.from, open, Long.MAX_VALUE) < 0
                || Digits.value(s, open + 1, t.to - 1, Long.MAX_VALUE) < 0) {
            return false;
        }
        out.set(packets, t.from, open);
        out.set(bytes, open + 1, t.to - 1);
        return true;
    }

    /** The first {@code user(roles)} word among the next few. */
    private static void user(SrxTokens t, SrxSession out) {
        String s = out.s;
        for (int i = 0; i < USER_LOOKAHEAD && t.next(); i++) {
            int open = t.indexOf('(');
            if (open > t.from && s.charAt(t.to - 1) == ')') {
                out.set(USERNAME, t.from, open);
                return;
            }
        }
    }
}
