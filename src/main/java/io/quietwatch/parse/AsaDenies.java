package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;
import io.quietwatch.parse.AsaEndpoint.Port;

/**
 * Readers of the deny messages: 106001, 106006, 106007, 106014, 106015 and 106023. Each starts where
 * the message text starts. These messages describe one packet, so the
 * source is simply the packet's sender.
 */
final class AsaDenies {
    private static final String SOURCE = "source";
    private static final String DESTINATION = "destination";

    private AsaDenies() {
    }

    /** 106001: {@code Inbound TCP connection denied from ip/port to ip/port flags F on interface I}. */
    static void inboundTcp(AsaCursor c, LogEventBuilder b) {
        c.keyword("Inbound");
        c.keyword("TCP");
        c.keyword("connection");
        c.keyword("denied");
        flagged(c, b);
    }

    /** 106015: {@code Deny TCP (no connection) from ip/port to ip/port flags F on interface I}. */
    static void noConnection(AsaCursor c, LogEventBuilder b) {
        c.keyword("Deny");
        c.keyword("TCP");
        c.skipSpaces();
        if (!c.tryLiteral("(no connection)")) {
            throw c.fail("expected '(no connection)'");
        }
        flagged(c, b);
    }

    /** 106006, 106007: {@code Deny inbound UDP from ip/port to ip/port {on interface I | due to DNS Query}}. */
    static void inboundUdp(AsaCursor c, LogEventBuilder b) {
        c.keyword("Deny");
        c.keyword("inbound");
        String transport = AsaProtocol.read(c);
        c.keyword("from");
        AsaEndpoint src = endpoint(c, SOURCE, (char) 0, Port.REQUIRED);
        c.keyword("to");
        AsaEndpoint dst = endpoint(c, DESTINATION, (char) 0, Port.REQUIRED);
        AsaEndpoint.apply(b, src, dst, null);
        denied(b, transport);
        if (c.tryKeyword("on")) {
            c.keyword("interface");
            b.ingressInterface(required(c, "interface name"));
        } else if (c.tryKeyword("due")) {
            c.keyword("to");
            b.reason(required(c, "reason"));
        } else {
            throw c.fail("expected 'on interface' or 'due to'");
        }
    }

    /** 106014: {@code Deny {inbound|outbound} icmp src I:ip [(user)] dst I:ip [(user)] (type t, code c)}. */
    static void icmp(AsaCursor c, LogEventBuilder b) {
        c.keyword("Deny");
        if (!c.tryKeyword("inbound") && !c.tryKeyword("outbound")) {
            throw c.fail("expected 'inbound' or 'outbound'");
        }
        String transport = AsaProtocol.read(c);
        c.keyword("src");
        AsaEndpoint src = endpoint(c, SOURCE, ':', Port.NONE);
        c.keyword("dst");
        AsaEndpoint dst = endpoint(c, DESTINATION, ':', Port.NONE);
        typeAndCode(c, b);
        denied(b, transport);
        AsaEndpoint.apply(b, src, dst, null);
    }

    /**
     * 106023: {@code Deny <proto> src I:ip[/port] [(user)] dst I:ip[/port] [(user)] [(type t, code c)]
     * by access-group "acl" [hashes]}.
     */
    static void accessGroup(AsaCursor c, LogEventBuilder b) {
        c.keyword("Deny");
        String transport = AsaProtocol.read(c);
        c.keyword("src");
        AsaEndpoint src = endpoint(c, SOURCE, ':', Port.OPTIONAL);
        c.keyword("dst");
        AsaEndpoint dst = endpoint(c, DESTINATION, ':', Port.OPTIONAL);
        c.skipSpaces();
        int save = c.pos();
        if (c.tryLiteral("(") || c.tryKeyword("type")) {
            c.pos(save);
            typeAndCode(c, b);
            c.skipSpaces();
            c.tryLiteral(",");
        }
        c.keyword("by");
        c.keyword("access-group");
        denied(b, transport).ruleName(aclName(c));
        AsaEndpoint.apply(b, src, dst, null);
    }

    private static void flagged(AsaCursor c, LogEventBuilder b) {
        c.keyword("from");
        AsaEndpoint src = endpoint(c, SOURCE, (char) 0, Port.REQUIRED);
        c.keyword("to");
        AsaEndpoint dst = endpoint(c, DESTINATION, (char) 0, Port.REQUIRED);
        c.keyword("flags");
        c.skipSpaces();
        int start = c.pos();
        int stop = start;
        while (true) {
            int here = c.pos();
            if (c.tryKeyword("on") && c.tryKeyword("interface")) {
                break;
            }
            c.pos(here);
            if (c.atEnd()) {
                throw c.fail("expected 'on interface'");
            }
            c.word("TCP flags");
            stop = c.pos();
        }
        String flags = stop > start ? c.text().substring(start, stop) : null;
        String ifc = required(c, "interface name");
        AsaEndpoint.apply(b, src, dst, null);
        denied(b, IanaProtocols.TCP).tcpFlags(flags).ingressInterface(ifc);
    }

    private static AsaEndpoint endpoint(AsaCursor c, String side, char sep, Port port) {
        AsaEndpoint e = AsaEndpoint.read(c, side, sep, port);
        e.readGroups(c, side);
        return e;
    }

    /** {@code (type t, code c)}, the parentheses and the comma being optional. */
    private static void typeAndCode(AsaCursor c, LogEventBuilder b) {
        c.skipSpaces();
        boolean paren = c.tryLiteral("(");
        c.keyword("type");
        b.icmpType(c.integer("ICMP type"));
        c.skipSpaces();
        c.tryLiteral(",");
        c.keyword("code");
        b.icmpCode(c.integer("ICMP code"));
        if (paren) {
            c.skipSpaces();
            c.tryLiteral(")");
        }
    }

    private static String aclName(AsaCursor c) {
        c.skipSpaces();
        if (c.tryLiteral("\"")) {
            int quote = c.indexOf('"');
            if (quote < 0) {
                throw c.fail("unclosed quote in access-group name");
            }
            String name = c.take(quote, "access-group name");
            c.advance(1);
            return name;
        }
        return c.word("access-group name");
    }

    private static String required(AsaCursor c, String what) {
        String s = c.rest();
        if (s.isEmpty()) {
            throw c.fail("no " + what);
        }
        return s;
    }

    private static LogEventBuilder denied(LogEventBuilder b, String transport) {
        return b.category(LogEvent.CATEGORY_NETWORK).action("deny").outcome(LogEvent.DENIED).transport(transport);
    }
}
