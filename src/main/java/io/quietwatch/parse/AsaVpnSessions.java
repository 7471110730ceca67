package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Readers of the remote-access VPN session messages (AnyConnect, WebVPN, IKEv2 clients): address
 * assignment (722051, 751025), SVC connections (722022, 722023, 722037), session start and end
 * (113039, 716001, 716002), rejected logins (716039), 722041 and the DAP selection 734001. Each
 * becomes a {@code session} event whose source is the user's public address; {@code assignedIp} is
 * the address the VPN gave the user. Each reader starts where the message text starts.
 */
final class AsaVpnSessions {
    private static final String ADDRESS_ASSIGNED = "address-assigned";

    private AsaVpnSessions() {
    }

    /**
     * 722051: {@code Group <g> User <u> IP <ip> IPv4 Address <a> IPv6 address <a6> assigned to
     * session}; before 8.4 {@code ... IP <ip> Address <a> assigned to session}.
     */
    static void addressAssigned(AsaCursor c, LogEventBuilder b) {
        AsaVpnIdentity id = AsaVpnIdentity.read(c);
        String v4 = null;
        String v6 = null;
        boolean any = false;
        while (true) {
            if (c.tryKeyword("IPv4")) {
                c.keyword("Address");
                v4 = AsaVpnIdentity.value(c, "IPv4 address");
            } else if (c.tryKeyword("IPv6")) {
                c.keyword("address");
                v6 = AsaVpnIdentity.value(c, "IPv6 address");
            } else if (c.tryKeyword("Address")) {
                v4 = AsaVpnIdentity.value(c, "assigned address");
            } else {
                break;
            }
            any = true;
        }
        if (!any) {
            throw c.fail("expected 'IPv4 Address'");
        }
        started(id.apply(b), ADDRESS_ASSIGNED).assignedIp(assigned(c, v4, v6));
    }

    /**
     * 751025 (AnyConnect over IKEv2): {@code Local:a:p Remote:a:p Username:u [IKEv2] Group:g IPv4
     * Address=a IPv6 address=a6 assigned to session}.
     */
    static void ikev2AddressAssigned(AsaCursor c, LogEventBuilder b) {
        c.keyword("Local");
        colon(c, "Local");
        c.word("local address");
        c.keyword("Remote");
        colon(c, "Remote");
        String remote = c.word("remote address");
        c.keyword("Username");
        colon(c, "Username");
        int group = c.find(" Group:");
        if (group < 0) {
            throw c.fail("expected 'Group:'");
        }
        String user = group > c.pos() ? c.take(group, "user").trim() : "";
        if (user.endsWith(" IKEv2") || user.equals("IKEv2")) {
            user = user.substring(0, Math.max(0, user.length() - 6)).trim();
        }
        c.pos(group + " Group:".length());
        c.word("group");
        c.keyword("IPv4");
        c.keyword("Address");
        equalsSign(c, "IPv4 Address");
        String v4 = c.word("IPv4 address");
        String v6 = null;
        if (c.tryKeyword("IPv6") && c.tryKeyword("address") && c.tryLiteral("=")) {
            v6 = c.word("IPv6 address");
        }
        int colon = remote.lastIndexOf(':');
        String ip = colon > 0 ? remote.substring(0, colon) : remote;
        boolean literal = IpAddresses.isAddress(ip);
        started(b.category(LogEvent.CATEGORY_SESSION), ADDRESS_ASSIGNED)
                .userName(user.isEmpty() ? null : user)
                .sourceIp(literal ? ip : null)
                .sourcePort(literal && colon > 0 ? port(remote, colon + 1) : null)
                .assignedIp(assigned(c, v4, v6));
    }

    /** 722022, 722023: {@code Group <g> User <u> IP <ip> {TCP|UDP} SVC connection {established|terminated} ...}. */
    static void svc(AsaCursor c, LogEventBuilder b, String action, String phase) {
        AsaVpnIdentity.read(c).apply(b).action(action).outcome(LogEvent.ALLOWED).phase(phase);
        if (c.tryKeyword("TCP")) {
            b.transport(AsaProtocol.TCP);
        } else if (c.tryKeyword("UDP")) {
            b.transport(AsaProtocol.UDP);
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

    private static LogEventBuilder started(LogEventBuilder b, String action) {
        return b.action(action).outcome(LogEvent.ALLOWED).phase(LogEvent.START);
    }

    /** The first usable assigned address: IPv4, else IPv6; {@code ::}, {@code 0.0.0.0} and junk mean none. */
    private static String assigned(AsaCursor c, String v4, String v6) {
        if (usable(v4)) {
            return v4;
        }
        if (usable(v6)) {
            return v6;
        }
        if (v4 != null && !IpAddresses.isAddress(v4)) {
            throw c.fail("assigned IPv4 address is not an IP address");
        }
        return null;
    }

    private static boolean usable(String address) {
        return address != null && !address.equals("0.0.0.0") && !address.equals("::")
                && IpAddresses.isAddress(address);
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

    private static void colon(AsaCursor c, String after) {
        if (!c.tryLiteral(":")) {
            throw c.fail("expected ':' after " + after);
        }
    }

    private static void equalsSign(AsaCursor c, String after) {
        if (!c.tryLiteral("=")) {
            throw c.fail("expected '=' after " + after);
        }
    }

    private static Integer port(String s, int from) {
        int v = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9' || i - from > 4) {
                return null;
            }
            v = v * 10 + ch - '0';
        }
        return from < s.length() && v <= 65_535 ? v : null;
    }
}
