package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;

import static io.quietwatch.parse.NetfilterFields.ABSENT;

/**
 * Linux netfilter packet logs: the kernel's {@code nf_log_syslog} output for iptables {@code -j LOG},
 * nftables {@code log} and ip6tables/ebtables, as written by UFW, firewalld, Shorewall and hand-made
 * rule sets ({@code [UFW BLOCK] IN=eth0 OUT= MAC=... SRC=... DST=... LEN=60 ... PROTO=TCP SPT=... DPT=...
 * ... SYN URGP=0}). Each line is one packet; the log prefix is the rule name and its words
 * ({@code BLOCK}, {@code REJECT}, {@code ACCEPT}, ...) give the verdict. Stateless and thread-safe.
 */
public final class NetfilterParser implements EventParser {
    private static final String NAME = "netfilter";
    private static final String IN = "IN=";
    private static final String OUT = " OUT=";
    private static final String SRC = "SRC=";
    private static final Long ONE_PACKET = 1L;

    @Override
    public String name() {
        return NAME;
    }

    /** {@code IN=}, then {@code OUT=}, then {@code SRC=}; each search starts where the last one matched. */
    @Override
    public boolean claims(SyslogMessage message) {
        return start(message.message()) >= 0;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String s = message.message();
        int in = start(s);
        if (in < 0) {
            return ParseResult.NOT_MINE;
        }
        NetfilterFields f = NetfilterFields.scan(s, in);
        String problem = problem(f);
        if (problem != null) {
            return ParseResult.malformed(problem);
        }
        // an IPv4 value read here is handed to the event builder, which then need not parse it again
        long srcV4 = ipv4(s, f.srcFrom, f.srcTo);
        String src = address(s, f.srcFrom, f.srcTo, srcV4);
        if (src == null && f.srcFrom != ABSENT) {
            return ParseResult.malformed("SRC is not an IP address");
        }
        long dstV4 = ipv4(s, f.dstFrom, f.dstTo);
        String dst = address(s, f.dstFrom, f.dstTo, dstV4);
        if (dst == null && f.dstFrom != ABSENT) {
            return ParseResult.malformed("DST is not an IP address");
        }
        String transport = f.protoFrom == ABSENT ? null : IanaProtocols.name(s, f.protoFrom, f.protoTo);
        problem = NetfilterProtocols.problem(f, transport);
        if (problem != null) {
            return ParseResult.malformed(problem);
        }
        return ParseResult.parsed(event(message, context, f, in, src, srcV4, dst, dstV4, transport));
    }

    /**
     * Where the key=value part starts: the {@code IN=} right before the first {@code " OUT="}, so that
     * a prefix written without a trailing blank ({@code DROP-ININ=eth0}) still ends where the interface
     * begins. -1 when the line lacks one of the markers.
     */
    private static int start(String s) {
        if (s == null) {
            return -1;
        }
        int in = s.indexOf(IN);
        if (in < 0) {
            return -1;
        }
        int out = s.indexOf(OUT, in);
        if (out < 0 || s.indexOf(SRC, out) < 0) {
            return -1;
        }
        return inBefore(s, out);
    }

    // The interface name right before " OUT=" holds no '=' or blank, so its "IN=" is found by walking
    // back from there; the slow String.lastIndexOf is left for odd lines with text between IN= and OUT=.
    private static int inBefore(String s, int out) {
        int eq = out - 1;
        while (eq >= 0 && s.charAt(eq) != '=' && s.charAt(eq) != ' ') {
            eq--;
        }
        if (eq >= 2 && s.charAt(eq) == '=' && s.charAt(eq - 1) == 'N' && s.charAt(eq - 2) == 'I') {
            return eq - 2;
        }
        return s.lastIndexOf(IN, out - IN.length());
    }

    private static String problem(NetfilterFields f) {
        if (f.error != null) {
            return f.error;
        }
        if (f.depth > 0) {
            return "the quoted packet in [ ] is cut off";
        }
        if (f.arp) {
            return null;
        }
        if (f.srcFrom == ABSENT) {
            return "missing SRC";
        }
        if (f.dstFrom == ABSENT) {
            return "missing DST";
        }
        // An IPv6 packet behind an ESP or unknown extension header is logged without PROTO;
        // a later IPv4 fragment of AH likewise.
        if (f.protoFrom == ABSENT && !f.flowLabel && !f.fragment) {
            return "missing PROTO (line cut off?)";
        }
        return null;
    }

    private static LogEvent event(SyslogMessage m, ParseContext context, NetfilterFields f, int in, String src,
                                  long srcV4, String dst, long dstV4, String transport) {
        String s = m.message();
        int prefixFrom = NetfilterPrefix.start(s, in);
        int prefixTo = NetfilterPrefix.end(s, prefixFrom, in);
        int verdict = NetfilterPrefix.verdict(s, prefixFrom, prefixTo);
        return LogEvent.builder()
                .timestamp(m.hasTimestamp() ? m.timestamp() : context.clock().millis())
                .observerVendor("Linux")
                .observerProduct(NAME)
                .observerHostname(m.hostname())
                .format(NAME)
                .category(LogEvent.CATEGORY_NETWORK)
                .action(NetfilterPrefix.action(verdict))
                .outcome(NetfilterPrefix.outcome(verdict))
                .phase(NetfilterProtocols.phase(f, transport))
                .ruleName(prefixTo > prefixFrom ? s.substring(prefixFrom, prefixTo) : null)
                .sourceIp(src, srcV4)
                .destinationIp(dst, dstV4)
                .sourcePort(number(f.sourcePort))
                .destinationPort(number(f.destinationPort))
                .transport(transport)
                .networkBytes(f.length == ABSENT ? null : Long.valueOf(f.length))
                .networkPackets(ONE_PACKET)
                .ipTtl(number(f.ttl))
                .ipId(number(f.id))
                .tcpFlags(f.flagsFrom == ABSENT ? null : s.substring(f.flagsFrom, f.flagsTo))
                .icmpType(number(f.icmpType))
                .icmpCode(number(f.icmpCode))
                .ingressInterface(f.physInFrom != ABSENT ? text(s, f.physInFrom, f.physInTo) : text(s, f.inFrom, f.inTo))
                .egressInterface(f.physOutFrom != ABSENT ? text(s, f.physOutFrom, f.physOutTo) : text(s, f.outFrom, f.outTo))
                .original(m.original())
                .build(context.internal());
    }

    private static long ipv4(String s, int from, int to) {
        return from == ABSENT ? -1 : IpAddresses.parseIpv4(s, from, to);
    }

    private static String address(String s, int from, int to, long ipv4) {
        return from == ABSENT ? null : IpAddresses.literal(s, from, to, ipv4);
    }

    private static String text(String s, int from, int to) {
        return from == ABSENT || from == to ? null : s.substring(from, to);
    }

    private static Integer number(int value) {
        return value == ABSENT ? null : Integer.valueOf(value);
    }
}
