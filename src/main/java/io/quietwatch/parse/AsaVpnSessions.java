package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Readers of the remote-access VPN session messages (AnyConnect, WebVPN): SVC connections (722022,
 * 722023, 722037), session start and end (113039, 716001, 716002), rejected logins (716039), 722041
 * and the DAP selection 734001. Each becomes a {@code session} event whose source is the user's
 * public address. Each reader starts where the message text starts. Address assignment is read by
 * {@link AsaVpnAddresses}.
 */
final class AsaVpnSessions {
    private AsaVpnSessions() {
    }

    /** 722022, 722023: {@code Group <g> User <u> IP <ip> {TCP|UDP} SVC connection {established|terminated} ...}. */
    static void svc(AsaCursor c, LogEventBuilder b, String action, String phase) {
        AsaVpnIdentity.read(c).apply(b).action(action).outcome(LogEvent.ALLOWED).phase(phase);
        if (c.tryKeyword("TCP")) {
            b.transport(IanaProtocols.TCP);
        } else if (c.tryKeyword("UDP")) {
            b.transport(IanaProtocols.UDP);
        }
    }

    /** 113039 (AnyConnect parent session started), 716001 (WebVPN session started). */
    static void started(AsaCursor c, LogEventBuilder b, String action) {
        started(AsaVpnIdentity.read(c).apply(b), action);
    }

    /**
     * 716002 ({@code WebVPN session terminated: reason.}) and 722037 ({@code SVC closing connection:
     * reason.}): the session or connection ended; the text after the colon is the reason.
     */
    static void ended(AsaCursor c, LogEventBuilder b, String action) {
        AsaVpnIdentity.read(c).apply(b).action(action).outcome(LogEvent.ALLOWED).phase(LogEvent.END)
                .reason(reasonAfterColon(c));
    }

    /** 722041: {@code TunnelGroup <tg> GroupPolicy <gp> User <u> IP <ip> No IPv6 address available ...}. */
    static void noIpv6Address(AsaCursor c, LogEventBuilder b) {
        AsaVpnIdentity.read(c).apply(b).action("no-ipv6-address").outcome(LogEvent.ALLOWED)
                .reason(withoutPeriod(c.rest()));
    }

    /**
     * 716039, a rejected WebVPN or admin login: {@code Group <g> User <u> IP <ip> Authentication:
     * rejected, Session Type: t.}, or before 9.x {@code Authentication: rejected, group = g user = u ,
     * Session Type: t}.
     */
    static void rejected(AsaCursor c, LogEventBuilder b) {
        b.category(LogEvent.CATEGORY_SESSION).action("authentication-rejected").outcome(LogEvent.DENIED);
        c.skipSpaces();
        if (!c.text().startsWith("Authentication", c.pos())) {
            AsaVpnIdentity.read(c).apply(b);
            return;
        }
        int user = c.find("user = ");
        if (user < 0) {
            throw c.fail("expected 'user = '");
        }
        c.pos(user + "user = ".length());
        int comma = c.indexOf(',');
        String name = comma > c.pos() ? c.take(comma, "user").trim() : "";
        b.userName(name.isEmpty() ? null : name);
    }

    /**
     * 734001: {@code DAP: User u, Addr ip, Connection type: The following DAP records were selected
     * for this connection: r1, r2}. The selected records become the rule name.
     */
    static void dap(AsaCursor c, LogEventBuilder b) {
        c.skipSpaces();
        if (!c.tryLiteral("DAP:")) {
            throw c.fail("expected 'DAP:'");
        }
        c.keyword("User");
        int addr = c.find(", Addr ");
        if (addr < 0) {
            throw c.fail("expected ', Addr '");
        }
        String user = addr > c.pos() ? c.take(addr, "user").trim() : "";
        c.pos(addr + ", Addr ".length());
        int comma = c.indexOf(',');
        String ip = AsaVpnIdentity.address(c, c.take(comma < 0 ? c.end() : comma, "Addr").trim(), "Addr");
        int records = c.find("connection:");
        String rule = records < 0 ? "" : c.text().substring(records + "connection:".length(), c.end()).trim();
        b.category(LogEvent.CATEGORY_SESSION).action("dap-records-selected").outcome(LogEvent.ALLOWED)
                .userName(user.isEmpty() ? null : user).sourceIp(ip).ruleName(rule.isEmpty() ? null : rule);
    }

    /** True for the families whose messages open with the user's identity: 113, 713, 716, 722. */
    static boolean isVpnFamily(int id) {
        int family = id / 1000;
        return family == 113 || family == 713 || family == 716 || family == 722;
    }

    /** Another message of those families: the user and address when it opens with them, else nothing. */
    static void other(AsaCursor c, LogEventBuilder b) {
        AsaVpnIdentity id = AsaVpnIdentity.tryRead(c);
        if (id != null) {
            id.apply(b);
        }
    }

    static LogEventBuilder started(LogEventBuilder b, String action) {
        return b.action(action).outcome(LogEvent.ALLOWED).phase(LogEvent.START);
    }

    private static String reasonAfterColon(AsaCursor c) {
        int colon = c.indexOf(':');
        if (colon < 0) {
            c.rest();
            return null;
        }
        c.pos(colon + 1);
        String reason = withoutPeriod(c.rest());
        return reason.isEmpty() ? null : reason;
    }

    static String withoutPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1).trim() : s;
    }
}
