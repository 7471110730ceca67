package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * One OpenVPN server log line after its time stamp: an optional client prefix, then the message.
 * The prefix is the client's real address ({@code 198.51.100.7:51234}, see {@link OpenVpnPeer}),
 * preceded by its common name and a slash once the TLS handshake named it ({@code jdoe/198.51.100.7:51234};
 * names may hold blanks). Messages that matter for sessions, as OpenVPN 2.3 to 2.7 write them:
 * <ul>
 *   <li>{@code start}, with the assigned address: {@code MULTI_sva: pool returned IPv4=a, IPv6=b},
 *       {@code MULTI: primary virtual IP[v6] for cn/real: a}; without it: {@code [cn] Peer Connection
 *       Initiated with [AF_INET]real}. {@code MULTI: Learn: a -> cn/real} maps the address with no phase.</li>
 *   <li>{@code end}: {@code SIGTERM[soft,remote-exit] received, client-instance exiting} (and
 *       {@code SIGUSR1 ... restarting}), {@code Connection reset, restarting [0]}, {@code [cn] Inactivity
 *       timeout (--ping-restart), restarting}. OpenVPN logs neither duration nor bytes at the end.</li>
 *   <li>{@code denied} and {@code allowed} logins: see {@link OpenVpnAuth}.</li>
 * </ul>
 * Other lines give what they carry: the client's address and name from the prefix.
 */
final class OpenVpnLog {
    private static final String POOL = "MULTI_sva: pool returned IPv4=";
    private static final String POOL_IPV6 = ", IPv6=";
    private static final String PRIMARY = "MULTI: primary virtual IP";
    private static final String LEARN = "MULTI: Learn: ";
    private static final String ARROW = " -> ";
    private static final String INITIATED = "Peer Connection Initiated with ";
    private static final String CLIENT_INSTANCE = "] received, client-instance ";
    private static final String RESET = "Connection reset, restarting";
    private static final String INACTIVITY = "Inactivity timeout (";

    private OpenVpnLog() {
    }

    /**
     * True when {@code s} holds a marker of OpenVPN's login and address messages ({@code MULTI:},
     * {@code MULTI_sva}, {@code Peer Connection Initiated}), for lines without the {@code openvpn} tag.
     */
    static boolean hasMarker(String s) {
        int multi = s.indexOf("MULTI");
        if (multi >= 0 && multi + 5 < s.length() && (s.charAt(multi + 5) == ':' || s.charAt(multi + 5) == '_')) {
            return true;
        }
        return s.contains("Peer Connection Initiated") || s.contains("control message: AUTH_FAILED");
    }

    /**
     * Reads the message in {@code s[from, to)} into {@code b}. Returns false when it shows nothing of
     * OpenVPN's own (no client prefix and no known message).
     */
    static boolean read(String s, int from, int to, LogEventBuilder b) {
        OpenVpnLine line = OpenVpnLine.split(s, from, to);
        if (line.peer != null) {
            b.sourceIp(line.peer.ip()).sourcePort(line.peer.port()).transport(line.peer.transport());
        }
        b.userName(line.name);
        boolean known = message(s, line, b);
        if (known) {
            b.category(LogEvent.CATEGORY_SESSION);
        }
        return known || line.peer != null;
    }

    private static boolean message(String s, OpenVpnLine line, LogEventBuilder b) {
        return assignment(s, line, b) || ending(s, line, b) || OpenVpnAuth.verdict(s, line, b);
    }

    /** The logins and address assignments. */
    private static boolean assignment(String s, OpenVpnLine line, LogEventBuilder b) {
        int q = line.body;
        if (s.startsWith(POOL, q)) {
            int comma = s.indexOf(',', q + POOL.length());
            int v6 = comma < 0 ? -1 : s.indexOf(POOL_IPV6, comma);
            String ipv4 = word(s, q + POOL.length(), comma < 0 ? line.end : comma);
            String ipv6 = v6 < 0 ? null : word(s, v6 + POOL_IPV6.length(), line.end);
            String assigned = IpAddresses.isAddress(ipv4) ? ipv4 : IpAddresses.isAddress(ipv6) ? ipv6 : null;
            if (assigned == null) {
                throw new OpenVpnSyntaxException("MULTI_sva: pool returned no IP address");
            }
            start(b, "address-assigned").assignedIp(assigned);
        } else if (s.startsWith(PRIMARY, q)) {
            int colon = s.lastIndexOf(": ", line.end - 1);
            String assigned = colon < q ? null : word(s, colon + 2, line.end);
            if (!IpAddresses.isAddress(assigned)) {
                throw new OpenVpnSyntaxException("MULTI: primary virtual IP is not an IP address");
            }
            start(b, "address-assigned").assignedIp(assigned);
        } else if (s.startsWith(LEARN, q)) {
            int arrow = s.indexOf(ARROW, q);
            String address = word(s, q + LEARN.length(), arrow < 0 ? line.end : arrow);
            b.action("route-learned").assignedIp(IpAddresses.isAddress(address) ? address : null);
        } else if (s.startsWith(INITIATED, q)) {
            initiated(s, line, b, q + INITIATED.length());
        } else {
            return false;
        }
        return true;
    }

    /** The ends of a client's session. */
    private static boolean ending(String s, OpenVpnLine line, LogEventBuilder b) {
        int q = line.body;
        int instance;
        if (s.startsWith("SIG", q) && (instance = s.indexOf(CLIENT_INSTANCE, q)) > 0) {
            int open = s.indexOf('[', q);
            int comma = s.indexOf(',', open);
            boolean exiting = s.startsWith("exiting", instance + CLIENT_INSTANCE.length());
            end(b, exiting ? "client-exit" : "client-restart")
                    .reason(open > 0 && comma > open && comma < instance ? word(s, comma + 1, instance) : null);
        } else if (s.startsWith(RESET, q)) {
            end(b, "connection-reset").reason("Connection reset");
        } else if (s.startsWith(INACTIVITY, q)) {
            int close = s.indexOf(')', q);
            b.action("inactivity-timeout").outcome(LogEvent.ALLOWED).phase(line.peer != null ? LogEvent.END : null)
                    .reason(close > 0 ? word(s, q + INACTIVITY.length(), close) : null);
        } else {
            return false;
        }
        return true;
    }

    /** {@code [cn] Peer Connection Initiated with [AF_INET]a:p}: a login on a server, whose prefix names the client. */
    private static void initiated(String s, OpenVpnLine line, LogEventBuilder b, int address) {
        b.action("connection-initiated").outcome(LogEvent.ALLOWED);
        if (line.peer == null) {
            return; // a client's own log: the peer is the server, not a user
        }
        b.phase(LogEvent.START);
        if (line.bracket != null) {
            b.userName(OpenVpnStatus.name(line.bracket));
        }
        if (line.peer.port() == null) {
            int stop = s.indexOf(' ', address);
            OpenVpnPeer with = OpenVpnPeer.parse(s, address, stop < 0 || stop > line.end ? line.end : stop);
            if (with != null) {
                b.sourcePort(with.port());
            }
        }
    }

    private static LogEventBuilder start(LogEventBuilder b, String action) {
        return b.action(action).outcome(LogEvent.ALLOWED).phase(LogEvent.START);
    }

    private static LogEventBuilder end(LogEventBuilder b, String action) {
        return b.action(action).outcome(LogEvent.ALLOWED).phase(LogEvent.END);
    }

    /** {@code s[from, to)} without surrounding blanks; null when empty. */
    static String word(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return to > from ? s.substring(from, to) : null;
    }
}
