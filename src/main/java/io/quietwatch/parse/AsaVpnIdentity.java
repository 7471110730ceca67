package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Who a remote-access VPN message is about: the group policy, the user and the user's public
 * address, in the two ways ASA opens these messages.
 * <ul>
 *   <li>AnyConnect and WebVPN (722xxx, 716xxx, 113039): {@code Group <g> User <u> IP <ip>}, angle
 *       brackets literal (values may hold spaces) or, on older releases, absent; 722041 opens with
 *       {@code TunnelGroup <tg> GroupPolicy <gp>}. An empty user is written {@code User <>} or
 *       {@code User IP <ip>}.</li>
 *   <li>IKE and session summaries (113019, 713xxx): {@code Group = g, Username = u, IP = ip,}; the
 *       user part is optional.</li>
 * </ul>
 * Filled while one line is read; never shared.
 */
final class AsaVpnIdentity {
    private static final String USERNAME_KEY = ", Username = ";
    private static final String IP_KEY = ", IP = ";

    String group;
    String user;
    String ip;

    /** Reads the bracket form, failing with the field's name when it is not there. */
    static AsaVpnIdentity read(AsaCursor c) {
        AsaVpnIdentity id = new AsaVpnIdentity();
        if (c.tryKeyword("TunnelGroup")) {
            value(c, "tunnel group");
            c.keyword("GroupPolicy");
        } else {
            c.keyword("Group");
        }
        id.group = value(c, "group");
        c.keyword("User");
        int save = c.pos();
        if (!c.tryKeyword("IP") || c.tryKeyword("IP")) {
            // a user, possibly one called "IP"; "User IP <ip>" has none and the word was the keyword
            c.pos(save);
            id.user = value(c, "user");
            c.keyword("IP");
        }
        id.ip = address(c, value(c, "IP"), "IP");
        return id;
    }

    /** Reads {@code Group = g, [Username = u, ]IP = ip}; the cursor stops after the address. */
    static AsaVpnIdentity readEquals(AsaCursor c) {
        AsaVpnIdentity id = new AsaVpnIdentity();
        c.keyword("Group");
        equals(c, "Group");
        int ipKey = c.find(IP_KEY);
        if (ipKey < 0) {
            throw c.fail("expected ', IP = '");
        }
        int userKey = c.find(USERNAME_KEY);
        int groupEnd = userKey >= 0 && userKey < ipKey ? userKey : ipKey;
        id.group = groupEnd > c.pos() ? c.take(groupEnd, "group").trim() : null;
        if (groupEnd == userKey) {
            c.pos(userKey + USERNAME_KEY.length());
            id.user = ipKey > c.pos() ? c.take(ipKey, "user").trim() : null;
        }
        c.pos(ipKey + IP_KEY.length());
        int stop = c.pos();
        String text = c.text();
        while (stop < c.end() && text.charAt(stop) != ',' && text.charAt(stop) != ' ') {
            stop++;
        }
        id.ip = address(c, c.take(stop, "IP"), "IP");
        return id;
    }

    /**
     * Either form, for message ids without a dedicated reader; null (position unchanged) when the
     * text does not open with one.
     */
    static AsaVpnIdentity tryRead(AsaCursor c) {
        int save = c.pos();
        try {
            c.skipSpaces();
            int afterGroup = c.pos() + "Group".length();
            String text = c.text();
            while (afterGroup < c.end() && text.charAt(afterGroup) == ' ') {
                afterGroup++;
            }
            return afterGroup < c.end() && text.charAt(afterGroup) == '=' ? readEquals(c) : read(c);
        } catch (AsaSyntaxException e) {
            c.pos(save);
            return null;
        }
    }

    /** Puts the user and the public address on the event, as the session's source. */
    LogEventBuilder apply(LogEventBuilder b) {
        return b.category(LogEvent.CATEGORY_SESSION).userName(user).sourceIp(ip);
    }

    /**
     * A value: {@code <text>} (possibly empty, then null) or one word. Values in brackets keep their
     * spaces ({@code <GROUP 1>}).
     */
    static String value(AsaCursor c, String what) {
        c.skipSpaces();
        if (c.peek() != '<') {
            return c.word(what);
        }
        c.advance(1);
        int close = c.indexOf('>');
        if (close < 0) {
            throw c.fail("unclosed '<' in " + what);
        }
        String v = close > c.pos() ? c.take(close, what).trim() : "";
        c.advance(1);
        return v.isEmpty() ? null : v;
    }

    /** {@code text} when it is an IP literal; else a failure naming the field. */
    static String address(AsaCursor c, String text, String what) {
        if (text == null || !IpAddresses.isAddress(text)) {
            throw c.fail(what + " is not an IP address");
        }
        return text;
    }

    private static void equals(AsaCursor c, String what) {
        c.skipSpaces();
        if (!c.tryLiteral("=")) {
            throw c.fail("expected '=' after " + what);
        }
        c.skipSpaces();
    }
}
