package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;
import io.quietwatch.parse.AsaEndpoint.Port;

/** Reader of 106100, the access-list hit message logged by ACL entries with {@code log}. */
final class AsaAccessList {
    private AsaAccessList() {
    }

    /**
     * 106100: {@code access-list acl {permitted|denied|est-allowed} <proto> I/ip(port) [(user)] ->
     * I/ip(port) [(user)] hit-cnt n {first hit | N-second interval} [hashes]}. For ICMP the numbers in
     * parentheses are the type and the code.
     */
    static void read(AsaCursor c, LogEventBuilder b) {
        c.keyword("access-list");
        String acl = c.word("access-list name");
        String action;
        if (c.tryKeyword("permitted")) {
            action = "permitted";
        } else if (c.tryKeyword("denied")) {
            action = "denied";
        } else if (c.tryKeyword("est-allowed")) {
            action = "est-allowed";
        } else {
            throw c.fail("expected 'permitted', 'denied' or 'est-allowed'");
        }
        String transport = AsaProtocol.read(c);
        AsaEndpoint src = aclEndpoint(c, "source");
        c.skipSpaces();
        if (!c.tryLiteral("->")) {
            throw c.fail("expected '->'");
        }
        AsaEndpoint dst = aclEndpoint(c, "destination");
        c.keyword("hit-cnt");
        c.number("hit count");
        if (IanaProtocols.isIcmp(transport)) {
            b.icmpType(src.port).icmpCode(dst.port);
            src.port = null;
            dst.port = null;
        }
        b.category(LogEvent.CATEGORY_NETWORK).action(action).transport(transport).ruleName(acl)
                .outcome("denied".equals(action) ? LogEvent.DENIED : LogEvent.ALLOWED);
        AsaEndpoint.apply(b, src, dst, null);
    }

    /** {@code interface/address(port)}, then any user groups. */
    private static AsaEndpoint aclEndpoint(AsaCursor c, String side) {
        AsaEndpoint e = AsaEndpoint.read(c, side, '/', Port.NONE);
        if (!c.tryLiteral("(")) {
            throw c.fail("no port for " + side);
        }
        e.port = c.port(side, " port");
        if (!c.tryLiteral(")")) {
            throw c.fail("unclosed '(' after " + side + " port");
        }
        e.readGroups(c, side);
        return e;
    }
}
