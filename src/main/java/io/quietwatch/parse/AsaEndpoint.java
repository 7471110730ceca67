package io.quietwatch.parse;

import io.quietwatch.event.LogEventBuilder;

/**
 * One side of a connection as ASA messages write it: an interface, the real address and port, the
 * mapped (translated) address and port in parentheses, and an identity-firewall or AAA user in
 * parentheses ({@code (LOCAL\jdoe)}, {@code (CORP\alice, 12:Engineering)}). Filled while one line is
 * read; never shared.
 */
final class AsaEndpoint {
    /** Whether a {@code /port} follows the address. */
    enum Port { REQUIRED, OPTIONAL, NONE }

    String ifc;
    String ip;
    Integer port;
    String natIp;
    Integer natPort;
    String user;

    /**
     * Reads {@code [interface<sep>]address[/port]}. {@code sep} is {@code ':'} for
     * {@code outside:10.0.0.1/80}, {@code '/'} for access-list style {@code outside/10.0.0.1}, or 0
     * when the message names no interface. The address is the text up to the port, a space or a
     * parenthesis: an IP literal, or a name when the ASA has {@code names} configured.
     */
    static AsaEndpoint read(AsaCursor c, String side, char sep, Port port) {
        AsaEndpoint e = new AsaEndpoint();
        c.skipSpaces();
        if (sep != 0) {
            e.ifc = interfaceName(c, sep, side);
        }
        e.ip = address(c, side);
        if (port != Port.NONE && c.peek() == '/') {
            c.advance(1);
            e.port = c.port(side, " port");
        } else if (port == Port.REQUIRED) {
            throw c.fail("no port for " + side);
        }
        return e;
    }

    /**
     * Reads the parenthesised groups after an address: the first one holding a slash is the mapped
     * {@code address/port}, the first other one the user. Stops before {@code (type ...)}.
     */
    void readGroups(AsaCursor c, String side) {
        String text = c.text();
        while (true) {
            int save = c.pos();
            c.skipSpaces();
            int open = c.pos();
            if (c.peek() != '(' || text.regionMatches(true, open + 1, "type ", 0, 5)) {
                c.pos(save);
                return;
            }
            int close = c.indexOf(')');
            if (close < 0) {
                throw c.fail("unclosed '(' after " + side);
            }
            int slash = text.indexOf('/', open);
            if (natIp == null && slash >= 0 && slash < close) {
                c.advance(1);
                natIp = c.take(slash, "mapped address of ", side);
                c.advance(1);
                natPort = c.port("mapped port of ", side);
                if (c.pos() != close) {
                    throw c.fail("unexpected text in mapped address of " + side);
                }
            } else if (user == null) {
                user = userName(text, open + 1, close);
            }
            c.pos(close + 1);
        }
    }

    /**
     * Puts the endpoints on the event: addresses, ports, translations, the source's interface as
     * ingress and the destination's as egress, and the first user found (source, destination,
     * then {@code otherUser}).
     */
    static void apply(LogEventBuilder b, AsaEndpoint src, AsaEndpoint dst, String otherUser) {
        b.sourceIp(src.ip).sourcePort(src.port).sourceNatIp(src.natIp).sourceNatPort(src.natPort)
                .destinationIp(dst.ip).destinationPort(dst.port)
                .destinationNatIp(dst.natIp).destinationNatPort(dst.natPort)
                .ingressInterface(src.ifc).egressInterface(dst.ifc)
                .userName(src.user != null ? src.user : dst.user != null ? dst.user : otherUser);
    }

    /** The user in {@code text[from, to)}: up to a comma (the security-group part), trimmed; or null. */
    static String userName(String text, int from, int to) {
        int comma = text.indexOf(',', from);
        if (comma >= 0 && comma < to) {
            to = comma;
        }
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return from < to ? text.substring(from, to) : null;
    }

    private static String interfaceName(AsaCursor c, char sep, String side) {
        int at = c.indexOf(sep);
        if (at < 0) {
            throw c.fail("no interface for " + side);
        }
        String text = c.text();
        for (int i = c.pos(); i < at; i++) {
            char ch = text.charAt(i);
            if (ch == '/' || ch == ':' || ch == '(' || ch == ')') {
                throw c.fail("no interface for " + side);
            }
        }
        String name = c.take(at, "interface for ", side);
        c.advance(1);
        return name;
    }

    private static String address(AsaCursor c, String side) {
        String text = c.text();
        int i = c.pos();
        int end = c.end();
        while (i < end) {
            char ch = text.charAt(i);
            if (ch == '/' || ch == ' ' || ch == '(' || ch == ')' || ch == ',') {
                break;
            }
            i++;
        }
        return c.take(i, "address for ", side);
    }
}
