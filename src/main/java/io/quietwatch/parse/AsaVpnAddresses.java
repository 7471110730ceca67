package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Readers of the messages that give a remote-access user an address: 722051 (AnyConnect over
 * TLS/DTLS) and 751025 (AnyConnect over IKEv2). Each becomes a {@code session} {@code start} whose
 * source is the user's public address and whose {@code assignedIp} is the tunnel address: IPv4 when
 * one was assigned, else IPv6. Each reader starts where the message text starts.
 */
final class AsaVpnAddresses {
    private static final String ADDRESS_ASSIGNED = "address-assigned";

    private AsaVpnAddresses() {
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
        AsaVpnSessions.started(id.apply(b), ADDRESS_ASSIGNED).assignedIp(assigned(c, v4, v6));
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
        AsaVpnSessions.started(b.category(LogEvent.CATEGORY_SESSION), ADDRESS_ASSIGNED)
                .userName(user.isEmpty() ? null : user)
                .sourceIp(literal ? ip : null)
                .sourcePort(literal && colon > 0 ? port(remote, colon + 1) : null)
                .assignedIp(assigned(c, v4, v6));
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
        long v = s.length() - from > 5 ? -1 : Digits.value(s, from, s.length(), 65_535);
        return v < 0 ? null : (int) v;
    }
}
