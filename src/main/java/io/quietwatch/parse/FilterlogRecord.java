package io.quietwatch.parse;

/**
 * One filterlog record read into values: the rule part every line has (rule number, sub-rule, anchor,
 * tracker, interface, reason, action, direction, IP version), the IPv4 header (TOS, ECN, TTL, ID, offset,
 * flags, protocol id, protocol name, length, source, destination) or the IPv6 header (class, flow label,
 * hop limit, protocol name, protocol id, payload length, source, destination), and what
 * {@link FilterlogProtocols} reads of the protocol header after it. Layout as pfSense's and OPNsense's
 * {@code filterlog} print it ({@code print-ip.c}, {@code print-ip6.c}).
 *
 * <p>Numbers are {@link #ABSENT} when the record does not carry them. One instance per line; not
 * thread-safe.
 */
final class FilterlogRecord {
    static final int ABSENT = -1;
    static final int IN = 1;
    static final int OUT = 2;
    private static final int MAX_NOTES = 2;

    String ruleNumber;
    String tracker;
    String iface;
    String reason;
    String action;
    int direction;
    int version;
    int ttl = ABSENT;
    int id = ABSENT;
    int length = ABSENT;
    int protocol = ABSENT;
    int protocolFrom;
    int protocolTo;
    String source;
    String destination;
    /** An IPv4 fragment other than the first: pf logs no protocol header for it. */
    boolean laterFragment;
    int sourcePort = ABSENT;
    int destinationPort = ABSENT;
    /** TCP flag bits as {@link FilterlogProtocols} numbers them, or {@link #ABSENT}. */
    int tcpFlags = ABSENT;
    int icmpType = ABSENT;
    int icmpCode = ABSENT;

    private FilterlogRecord() {
    }

    /** Reads the record in {@code s[start, end)}. */
    static FilterlogRecord read(String s, int start, int end) {
        FilterlogCursor c = new FilterlogCursor(s, start, end);
        FilterlogRecord r = new FilterlogRecord();
        r.rule(c);
        if (r.version == 4) {
            r.ipv4(c);
        } else {
            r.ipv6(c);
        }
        // Both filterlogs end the addresses with a comma; a line without it was cut inside the destination.
        c.require("field after the destination address");
        if (!r.laterFragment) {
            FilterlogProtocols.read(c, r);
        }
        return r;
    }

    private void rule(FilterlogCursor c) {
        c.require("rule number");
        if (!c.digitsOrEmpty()) {
            throw new FilterlogSyntaxException("rule number is not a number: " + c.quoted());
        }
        ruleNumber = c.isEmpty() ? null : c.value();
        c.require("sub-rule number");
        c.require("anchor");
        c.require("tracker");
        tracker = c.isEmpty() ? null : c.value();
        iface = word(c, "interface", null, null);
        reason = word(c, "reason", "match", null);
        action = word(c, "action", "block", "pass");
        c.require("direction");
        direction = c.is("in") ? IN : c.is("out") ? OUT : 0;
        c.require("IP version");
        if (!c.is("4") && !c.is("6")) {
            throw new FilterlogSyntaxException("IP version is not 4 or 6: " + c.quoted());
        }
        version = c.first() - '0';
    }

    private void ipv4(FilterlogCursor c) {
        headerStart(c, "TOS", "IPv4");
        c.require("ECN");
        ttl = c.number("TTL", 255);
        id = c.number("IP ID", 65535);
        laterFragment = c.number("fragment offset", 65535) > 0;
        c.require("IP flags");
        protocol = c.number("protocol id", 255);
        protocolName(c);
        length = c.number("length", 65535);
        addresses(c);
    }

    private void ipv6(FilterlogCursor c) {
        headerStart(c, "IPv6 class", "IPv6");
        c.require("flow label");
        ttl = c.number("hop limit", 255);
        protocolName(c);
        protocol = c.number("protocol id", 255);
        length = c.number("payload length", 65535);
        addresses(c);
    }

    /**
     * Moves to the header's first field, a {@code 0x} number. Before it filterlog may write a note on a
     * packet shorter than its IP length ({@code truncated-ip=1500}, pfSense
     * {@code error='truncated-ip 20 bytes missing!'}) and go on; a note with nothing after it means pf
     * had no header to log.
     */
    private static void headerStart(FilterlogCursor c, String field, String header) {
        c.require(field);
        int notes = 0;
        while (!c.startsWith("0x")) {
            if (c.isEmpty()) {
                throw new FilterlogSyntaxException(field + " is empty");
            }
            if (notes++ == MAX_NOTES || !note(c)) {
                throw new FilterlogSyntaxException(field + " is not a 0x number: " + c.quoted());
            }
            String note = c.quoted();
            if (!c.next() || c.isEmpty() && !c.hasNext()) {
                throw new FilterlogSyntaxException("no " + header + " header logged: " + note);
            }
        }
    }

    /** The notes both filterlogs write on a short or broken IP header. */
    private static boolean note(FilterlogCursor c) {
        return c.startsWith("truncated-ip") || c.startsWith("error=") || c.startsWith("bad-") || c.startsWith("[|ip]");
    }

    private void protocolName(FilterlogCursor c) {
        c.require("protocol");
        protocolFrom = c.from();
        protocolTo = c.to();
    }

    private void addresses(FilterlogCursor c) {
        source = c.address("source address");
        destination = c.address("destination address");
    }

    /** The next field, which must not be empty; {@code common} or {@code other} when it is that word. */
    private static String word(FilterlogCursor c, String field, String common, String other) {
        c.require(field);
        if (c.isEmpty()) {
            throw new FilterlogSyntaxException(field + " is empty");
        }
        if (common != null && c.is(common)) {
            return common;
        }
        return other != null && c.is(other) ? other : c.value();
    }
}
