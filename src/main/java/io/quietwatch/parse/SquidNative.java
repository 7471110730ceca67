package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEventBuilder;

/**
 * Squid's native access.log line (logformat {@code squid}, Squid wiki SquidFaq/SquidLogs):
 * {@code %ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt}, e.g.
 * {@code 1732615200.123    195 10.0.0.5 TCP_MISS/200 10473 GET http://example.com/setup.exe -
 * HIER_DIRECT/93.184.216.34 application/x-msdownload}. Fields are separated by runs of spaces (the
 * elapsed time is right-aligned in six columns); {@code -} means absent. Products that write the same
 * shape add fields after the content type (Cisco WSA's ACL decision tag and verdicts), quote the user
 * ({@code "DOMAIN\\user@realm"}) or name the peer by host name ({@code DIRECT/www.example.com}); those
 * are read too. With {@code log_mime_hdrs on} the request and reply headers follow in {@code [...]},
 * and the user agent is taken from them. A client field holding {@code address/port} marks the
 * SquidPlus layout, read by {@link SquidPlus}.
 */
final class SquidNative {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private SquidNative() {
    }

    /** Reads the line at the cursor into {@code b}. */
    static void read(SquidCursor c, LogEventBuilder b) {
        String s = c.line();
        c.require("time");
        long time = SquidTime.epochMillis(s, c.from, c.to);
        if (time == SquidTime.INVALID) {
            throw new SquidSyntaxException("time is not an epoch at offset " + c.from);
        }
        b.timestamp(time);
        c.require("elapsed time");
        b.durationNanos(elapsedNanos(c));
        c.require("client address");
        if (c.indexOf('/') >= 0) {
            SquidPlus.read(c, b);
            return;
        }
        b.sourceIp(IpAddresses.literal(s, c.from, c.to));
        c.require("result code/status");
        int slash = resultSlash(c);
        String action = beforeSlash(c, slash);
        Integer status = status(c, slash);
        b.action(action).httpStatus(status);
        c.require("size");
        b.destinationBytes(c.number("size"));
        c.require("method");
        String method = c.text();
        b.httpMethod(method);
        c.require("URL");
        String url = c.text();
        b.url(url);
        if (url != null) {
            SquidUrl.read(url, "CONNECT".equals(method), b);
        }
        c.require("user");
        b.userName(SquidText.userName(c.unescapedText()));
        c.require("hierarchy/peer");
        String hierarchy = hierarchy(c, b);
        c.require("content type");
        b.mimeType(SquidText.mimeType(s, c.from, c.to));
        if (c.nextBracketed()) {
            b.userAgent(SquidText.header(s, c.from, c.to, "User-Agent: "));
        }
        b.outcome(SquidResult.outcome(action, status, hierarchy));
    }

    /** Milliseconds to nanoseconds; null for {@code -} and the negative times some builds log. */
    static Long elapsedNanos(SquidCursor c) {
        if (c.to - c.from > 1 && c.line().charAt(c.from) == '-'
                && SquidText.number(c.line(), c.from + 1, c.to) >= 0) {
            return null;
        }
        Long millis = c.number("elapsed time");
        if (millis != null && millis > Long.MAX_VALUE / NANOS_PER_MILLI) {
            throw new SquidSyntaxException("elapsed time out of range at offset " + c.from);
        }
        return millis == null ? null : millis * NANOS_PER_MILLI;
    }

    /** Index of the {@code /} in a {@code TCP_MISS/200} field. */
    static int resultSlash(SquidCursor c) {
        int slash = c.indexOf('/');
        if (slash < 0) {
            throw new SquidSyntaxException("result code has no /status at offset " + c.from);
        }
        return slash;
    }

    /** The HTTP status after {@code slash}, up to the field's end or the next {@code /}; null for 000. */
    static Integer status(SquidCursor c, int slash) {
        int end = c.line().indexOf('/', slash + 1);
        long status = SquidText.number(c.line(), slash + 1, end < 0 || end > c.to ? c.to : end);
        if (status < 0 || status > 999) {
            throw new SquidSyntaxException("HTTP status is not a number at offset " + (slash + 1));
        }
        return SquidResult.status(status);
    }

    /** The field's text before {@code slash}, or null when empty. */
    static String beforeSlash(SquidCursor c, int slash) {
        return slash > c.from ? c.line().substring(c.from, slash) : null;
    }

    /** {@code HIER_DIRECT/93.184.216.34}: sets the destination when the peer is an address; returns the code. */
    private static String hierarchy(SquidCursor c, LogEventBuilder b) {
        String s = c.line();
        int slash = c.indexOf('/');
        if (slash < 0) {
            return c.text();
        }
        b.destinationIp(IpAddresses.literal(s, slash + 1, c.to));
        return beforeSlash(c, slash);
    }
}
