package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;
import io.quietwatch.parse.AsaEndpoint.Port;

/**
 * Readers of the connection messages: 302013/302015 (built TCP/UDP), 302014/302016 (teardown
 * TCP/UDP) and 302020/302021 (built/teardown ICMP). Each starts where the message text starts.
 *
 * <p>Which side is the initiator (Cisco TAC document 116149): a built message names the responder
 * after {@code for} when it is {@code outbound} and the initiator when it is {@code inbound}; the
 * other side follows {@code to}. A teardown keeps that order but drops the direction word, so the
 * initiator is decided without state: the side with the lower port is taken as the server (the
 * destination); on equal ports the outbound reading is taken ({@code for} is the destination). ICMP
 * teardowns are read as outbound: {@code laddr} is the source, {@code faddr} the destination.
 */
final class AsaConnections {
    private static final String FOR_SIDE = "'for' side";
    private static final String TO_SIDE = "'to' side";

    private AsaConnections() {
    }

    /** 302013, 302015: {@code Built {inbound|outbound} TCP connection <id> for ... to ...}. */
    static void built(AsaCursor c, LogEventBuilder b) {
        c.keyword("Built");
        boolean outbound = outbound(c);
        c.tryKeyword("Probe");
        String transport = AsaProtocol.read(c);
        c.keyword("connection");
        String id = c.digits("connection id");
        c.keyword("for");
        AsaEndpoint first = side(c, FOR_SIDE);
        c.keyword("to");
        AsaEndpoint second = side(c, TO_SIDE);
        network(b, "built", LogEvent.START).transport(transport).connectionId(id);
        AsaEndpoint.apply(b, outbound ? second : first, outbound ? first : second, null);
    }

    /**
     * 302014, 302016: {@code Teardown TCP connection <id> for ... to ... duration h:mm:ss bytes <n>
     * [reason [from <initiator>]] [(user)]}.
     */
    static void teardown(AsaCursor c, LogEventBuilder b) {
        c.keyword("Teardown");
        String transport = AsaProtocol.read(c);
        c.keyword("connection");
        String id = c.digits("connection id");
        c.keyword("for");
        AsaEndpoint first = side(c, FOR_SIDE);
        c.keyword("to");
        AsaEndpoint second = side(c, TO_SIDE);
        c.keyword("duration");
        long duration = c.durationNanos("duration");
        c.keyword("bytes");
        long bytes = c.number("bytes");
        String rest = c.rest();
        String user = null;
        int n = rest.length();
        int open = rest.lastIndexOf('(');
        if (n > 0 && rest.charAt(n - 1) == ')' && open >= 0) {
            user = AsaEndpoint.userName(rest, open + 1, n - 1);
            rest = rest.substring(0, open).trim();
        }
        int from = rest.indexOf(" from ");
        String reason = from >= 0 ? rest.substring(0, from) : rest;
        network(b, "teardown", LogEvent.END).transport(transport).connectionId(id)
                .durationNanos(duration).networkBytes(bytes).reason(reason.isEmpty() ? null : reason);
        boolean firstIsSource = first.port > second.port;
        AsaEndpoint.apply(b, firstIsSource ? first : second, firstIsSource ? second : first, user);
    }

    /** 302020: {@code Built {inbound|outbound} ICMP connection for faddr ... gaddr ... laddr ... type t code c}. */
    static void icmpBuilt(AsaCursor c, LogEventBuilder b) {
        c.keyword("Built");
        icmp(c, network(b, "built", LogEvent.START), outbound(c));
    }

    /** 302021: {@code Teardown ICMP connection for faddr ... gaddr ... laddr ... [type t code c]}. */
    static void icmpTeardown(AsaCursor c, LogEventBuilder b) {
        c.keyword("Teardown");
        icmp(c, network(b, "teardown", LogEvent.END), true);
    }

    private static void icmp(AsaCursor c, LogEventBuilder b, boolean outbound) {
        boolean v6 = c.tryKeyword("ICMPv6");
        if (!v6) {
            c.keyword("ICMP");
        }
        c.keyword("connection");
        c.keyword("for");
        c.keyword("faddr");
        AsaEndpoint foreign = icmpAddress(c, "faddr");
        c.keyword("gaddr");
        AsaEndpoint global = icmpAddress(c, "gaddr");
        c.keyword("laddr");
        AsaEndpoint local = icmpAddress(c, "laddr");
        if (c.tryKeyword("type")) {
            b.icmpType(c.integer("ICMP type"));
            c.keyword("code");
            b.icmpCode(c.integer("ICMP code"));
        }
        v6 |= foreign.ip.indexOf(':') >= 0 || local.ip.indexOf(':') >= 0;
        AsaEndpoint src = outbound ? local : foreign;
        AsaEndpoint dst = outbound ? foreign : local;
        b.transport(v6 ? IanaProtocols.IPV6_ICMP : IanaProtocols.ICMP)
                .sourceIp(src.ip).destinationIp(dst.ip)
                .userName(src.user != null ? src.user : dst.user);
        if (outbound) {
            b.sourceNatIp(global.ip);
        } else {
            b.destinationNatIp(global.ip);
        }
    }

    private static AsaEndpoint side(AsaCursor c, String side) {
        AsaEndpoint e = AsaEndpoint.read(c, side, ':', Port.REQUIRED);
        e.readGroups(c, side);
        return e;
    }

    /** {@code address/id [(user)]}: the number is an ICMP id or sequence number, not a port. */
    private static AsaEndpoint icmpAddress(AsaCursor c, String name) {
        AsaEndpoint e = AsaEndpoint.read(c, name, (char) 0, Port.NONE);
        if (!c.tryLiteral("/")) {
            throw c.fail("no ICMP id after " + name);
        }
        c.port(name, " ICMP id");
        e.readGroups(c, name);
        return e;
    }

    private static boolean outbound(AsaCursor c) {
        if (c.tryKeyword("outbound")) {
            return true;
        }
        if (c.tryKeyword("inbound")) {
            return false;
        }
        throw c.fail("expected 'inbound' or 'outbound'");
    }

    private static LogEventBuilder network(LogEventBuilder b, String action, String phase) {
        return b.category(LogEvent.CATEGORY_NETWORK).action(action).outcome(LogEvent.ALLOWED).phase(phase);
    }
}
