package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;
import io.quietwatch.event.IpAddresses;

/**
 * A client's real (public) address as OpenVPN prints it, in log prefixes, status files and
 * {@code Peer Connection Initiated with ...}:
 * <ul>
 *   <li>{@code 198.51.100.7:51234}, an IPv4 address and port;</li>
 *   <li>{@code 2001:db8::7}, an IPv6 client before 2.7, printed without its port because
 *       {@code addr:port} would be ambiguous;</li>
 *   <li>{@code [2001:db8::7]:51234} from 2.7 on, and {@code udp4:}/{@code tcp4-server:}/{@code udp6:}
 *       ... in front when the server listens on several sockets;</li>
 *   <li>{@code [AF_INET]198.51.100.7:51234} and {@code [AF_INET6]2001:db8::7:51234} (socket printing:
 *       the last colon separates the port), where a v4-mapped {@code ::ffff:a.b.c.d} is the IPv4
 *       address.</li>
 * </ul>
 *
 * @param ip        the address as printed (without brackets or family tag)
 * @param port      the port, or null when not printed
 * @param transport {@code tcp} or {@code udp} when a protocol was printed, else null
 */
record OpenVpnPeer(String ip, Integer port, String transport) {
    private static final String AF_INET = "[AF_INET]";
    private static final String AF_INET6 = "[AF_INET6]";
    private static final String MAPPED = "::ffff:";

    /** Reads {@code s[from, to)}; null when it is not one of the shapes above. */
    static OpenVpnPeer parse(String s, int from, int to) {
        String transport = null;
        int p = from;
        int protoEnd = protocolEnd(s, p, to);
        if (protoEnd > p) {
            transport = s.charAt(p) == 't' ? IanaProtocols.TCP : IanaProtocols.UDP;
            p = protoEnd + 1;
        }
        if (s.startsWith(AF_INET6, p)) {
            return lastColon(s, p + AF_INET6.length(), to, transport);
        }
        if (s.startsWith(AF_INET, p)) {
            return lastColon(s, p + AF_INET.length(), to, transport);
        }
        if (p < to && s.charAt(p) == '[') {
            int close = s.indexOf(']', p);
            if (close < 0 || close >= to || close + 1 >= to || s.charAt(close + 1) != ':') {
                return null;
            }
            Integer port = port(s, close + 2, to);
            String ip = s.substring(p + 1, close);
            return port != null && ip.indexOf(':') >= 0 && IpAddresses.isAddress(ip)
                    ? new OpenVpnPeer(ip, port, transport) : null;
        }
        int colon = s.indexOf(':', p);
        if (colon < 0 || colon >= to) {
            return null;
        }
        int second = s.indexOf(':', colon + 1);
        if (second < 0 || second >= to) {
            Integer port = port(s, colon + 1, to);
            return port != null && IpAddresses.parseIpv4(s, p, colon) >= 0
                    ? new OpenVpnPeer(s.substring(p, colon), port, transport) : null;
        }
        String ip = s.substring(p, to);
        return IpAddresses.isAddress(ip) ? new OpenVpnPeer(ip, null, transport) : null;
    }

    /** {@code address:port} split at the last colon, the form of {@code [AF_INET6]} socket addresses. */
    private static OpenVpnPeer lastColon(String s, int from, int to, String transport) {
        int colon = s.lastIndexOf(':', to - 1);
        if (colon <= from) {
            return null;
        }
        Integer port = port(s, colon + 1, to);
        if (port == null) {
            return null;
        }
        if (s.startsWith(MAPPED, from) && IpAddresses.parseIpv4(s, from + MAPPED.length(), colon) >= 0) {
            from += MAPPED.length();
        }
        String ip = s.substring(from, colon);
        return IpAddresses.isAddress(ip) ? new OpenVpnPeer(ip, port, transport) : null;
    }

    /** End of a leading {@code udp4:}-style protocol name (the colon's index), or -1. */
    private static int protocolEnd(String s, int p, int to) {
        if (p + 4 > to || !(s.startsWith("udp", p) || s.startsWith("tcp", p))) {
            return -1;
        }
        int i = p + 3;
        while (i < to && i - p < 12 && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        return i < to && s.charAt(i) == ':' ? i : -1;
    }

    /** A port of 1 to 5 digits filling {@code s[from, to)}, or null. */
    static Integer port(String s, int from, int to) {
        long v = to - from > 5 ? -1 : Digits.value(s, from, to, 65_535);
        return v < 0 ? null : (int) v;
    }
}
