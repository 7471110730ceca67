package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEventBuilder;

/**
 * The "SquidPlus" custom layout, which logs both ends with their ports and both directions' sizes:
 * {@code %ts.%03tu %tr %>a/%>p %<a/%<p %<la/%<lp %>la/%>lp %Ss/%>Hs/%<Hs %<st/%<sh %>st/%>sh %mt %rm
 * "%ru" "%un" %Sh "%>h" "%<h"}. {@link SquidNative} hands over after the time and elapsed fields, at
 * the client's {@code address/port}. The server is the last server or peer connected to; its port
 * stands in for the destination port only when the URL implies none.
 */
final class SquidPlus {
    private SquidPlus() {
    }

    /** Reads the rest of the line, the cursor being on the client field. */
    static void read(SquidCursor c, LogEventBuilder b) {
        String s = c.line();
        int slash = c.line().lastIndexOf('/', c.to - 1);
        b.sourceIp(IpAddresses.literal(s, c.from, slash));
        b.sourcePort(port(s, slash + 1, c.to));
        c.require("server address/port");
        slash = s.lastIndexOf('/', c.to - 1);
        String server = slash >= c.from ? IpAddresses.literal(s, c.from, slash) : null;
        Integer serverPort = slash >= c.from ? port(s, slash + 1, c.to) : null;
        b.destinationIp(server);
        c.require("server-side local address/port");
        c.require("client-side local address/port");
        c.require("result code/status");
        slash = SquidNative.resultSlash(c);
        String action = SquidNative.beforeSlash(c, slash);
        Integer status = SquidNative.status(c, slash);
        b.action(action).httpStatus(status);
        c.require("reply size");
        b.destinationBytes(size(c, "reply size"));
        c.require("request size");
        b.sourceBytes(size(c, "request size"));
        c.require("content type");
        b.mimeType(SquidText.mimeType(s, c.from, c.to));
        c.require("method");
        String method = c.text();
        b.httpMethod(method);
        c.require("URL");
        String url = c.unescapedText();
        b.url(url);
        int port = url == null ? -1 : SquidUrl.read(url, "CONNECT".equals(method), b);
        if (port < 0) {
            b.destinationPort(serverPort);
        }
        c.require("user");
        b.userName(SquidText.userName(c.unescapedText()));
        c.require("hierarchy");
        String hierarchy = c.text();
        if (c.next() && c.quoted) {
            b.userAgent(SquidText.header(s, c.from, c.to, "User-Agent: "));
        }
        b.outcome(SquidResult.outcome(action, status, hierarchy));
    }

    /** {@code total/headers}: the total. */
    private static Long size(SquidCursor c, String field) {
        int slash = c.indexOf('/');
        int end = slash < 0 ? c.to : slash;
        if (end - c.from == 1 && c.line().charAt(c.from) == '-') {
            return null;
        }
        long n = SquidText.number(c.line(), c.from, end);
        if (n < 0) {
            throw new SquidSyntaxException(field + " is not a number at offset " + c.from);
        }
        return n;
    }

    private static Integer port(String s, int from, int to) {
        long port = SquidText.number(s, from, to);
        return port < 0 || port > 0xffff ? null : Integer.valueOf((int) port);
    }
}
