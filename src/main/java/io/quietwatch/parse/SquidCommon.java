package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEventBuilder;

import java.time.ZoneId;

/**
 * The common and combined (Apache-style) formats that Squid ({@code logformat common},
 * {@code combined}) and other proxies write:
 * {@code client ident user [26/Nov/2026:10:00:00 +0100] "GET http://example.com/a.exe HTTP/1.1" 200 12345
 * "referer" "user agent" TCP_MISS:HIER_DIRECT}. The referer and user agent are there in combined only;
 * Squid appends its result and hierarchy codes ({@code %Ss:%Sh}), other products may not, and some
 * (Cisco WSA) append further fields, which are ignored. The request may lack its protocol
 * ({@code "GET http://x/"}) or be unreadable ({@code "-"}); the line still gives what it carries.
 */
final class SquidCommon {
    private SquidCommon() {
    }

    /** Reads the line at the cursor into {@code b}. */
    static void read(SquidCursor c, ZoneId zone, SyslogLocalTime local, LogEventBuilder b) {
        String s = c.line();
        c.require("client address");
        b.sourceIp(IpAddresses.literal(s, c.from, c.to));
        c.require("ident");
        String ident = c.unescapedText();
        c.require("user");
        String user = c.unescapedText();
        b.userName(SquidText.userName(user != null ? user : ident));
        c.requireBracketed("time");
        long time = SquidTime.httpdMillis(s, c.from, c.to, zone, local);
        if (time == SquidTime.INVALID) {
            throw new SquidSyntaxException("time is not dd/Mon/yyyy:hh:mm:ss [+zzzz] at offset " + c.from);
        }
        b.timestamp(time);
        c.require("request");
        if (!c.quoted) {
            throw new SquidSyntaxException("request is not quoted at offset " + c.from);
        }
        request(c, b);
        c.require("status");
        Integer status = c.dash() ? null : status(c);
        b.httpStatus(status);
        c.require("size");
        b.destinationBytes(c.number("size"));
        String hierarchy = null;
        String action = null;
        boolean more = c.next();
        if (more && c.quoted) {
            more = c.next();
            if (more && c.quoted) {
                b.userAgent(c.unescapedText());
                more = c.next();
            }
        }
        if (more && !c.quoted && squidCodes(c)) {
            int colon = c.indexOf(':');
            action = s.substring(c.from, colon);
            hierarchy = s.substring(colon + 1, c.to);
        }
        b.action(action);
        b.outcome(SquidResult.outcome(action, status, hierarchy));
    }

    /** {@code "METHOD URL[ PROTOCOL]"}: sets the method, the URL and what the URL says. */
    private static void request(SquidCursor c, LogEventBuilder b) {
        String s = c.line();
        int methodEnd = s.indexOf(' ', c.from);
        if (methodEnd < 0 || methodEnd >= c.to) {
            return;
        }
        String method = s.substring(c.from, methodEnd);
        int urlFrom = methodEnd + 1;
        while (urlFrom < c.to && s.charAt(urlFrom) == ' ') {
            urlFrom++;
        }
        int urlTo = s.indexOf(' ', urlFrom);
        if (urlTo < 0 || urlTo > c.to) {
            urlTo = c.to;
        }
        b.httpMethod(method);
        if (urlTo > urlFrom && !(urlTo - urlFrom == 1 && s.charAt(urlFrom) == '-')) {
            String url = s.substring(urlFrom, urlTo);
            b.url(url);
            SquidUrl.read(url, "CONNECT".equals(method), b);
        }
    }

    private static Integer status(SquidCursor c) {
        long status = SquidText.number(c.line(), c.from, c.to);
        if (status < 0 || status > 999) {
            throw new SquidSyntaxException("HTTP status is not a number at offset " + c.from);
        }
        return SquidResult.status(status);
    }

    /** Whether the current field looks like Squid's {@code %Ss:%Sh} ({@code TCP_MISS:HIER_DIRECT}). */
    private static boolean squidCodes(SquidCursor c) {
        String s = c.line();
        int colon = c.indexOf(':');
        if (colon <= c.from || colon + 1 >= c.to) {
            return false;
        }
        for (int i = c.from; i < c.to; i++) {
            char ch = s.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch == '_' || ch == ':' || ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }
}
