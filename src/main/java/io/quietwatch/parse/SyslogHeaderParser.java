package io.quietwatch.parse;

import static io.quietwatch.parse.SyslogTokens.afterSpace;
import static io.quietwatch.parse.SyslogTokens.hostLike;
import static io.quietwatch.parse.SyslogTokens.skipSpaces;
import static io.quietwatch.parse.SyslogTokens.tagName;
import static io.quietwatch.parse.SyslogTokens.tokenEnd;

import java.time.ZoneId;

/**
 * Splits a log line into its syslog header and the device's message ({@link SyslogMessage}).
 *
 * <p>Reads, in this order: an optional {@code <PRI>} (0-191; anything else leaves the line untouched);
 * RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}); else a BSD header (RFC 3164 and what
 * devices really send): a stamp {@code Mmm dd [yyyy ]hh:mm:ss[.fff]} or RFC 3339, an optional zone name,
 * then a host and a tag ({@code sshd[123]:}), each optional. A line without a stamp has no header: its
 * first word is never taken for a host. A stamp that cannot be read (Feb 30, hour 25) gives no time and
 * keeps the whole text after the PRI as the message.
 *
 * <p>Yearless RFC 3164 stamps take the year that puts them closest to the context clock's now, and
 * stamps without a zone are local time in the context's default zone; in a daylight saving overlap the
 * earlier offset is taken, and a time in a gap moves forward by the gap (as {@code java.time} does).
 *
 * <p>Never throws on input. Thread-safe: the only state is a cache of zone offsets, replaced atomically.
 */
public final class SyslogHeaderParser {
    private static final ParseContext FALLBACK = ParseContext.defaults();

    private final SyslogLocalTime time = new SyslogLocalTime();

    /** Splits {@code line} (null reads as empty); the context gives the zone and now for stamps. */
    public SyslogMessage parse(String line, ParseContext context) {
        String s = line == null ? "" : line;
        ParseContext ctx = context == null ? FALLBACK : context;
        int n = s.length();
        int priority = -1;
        int p = 0;
        if (n > 0 && s.charAt(0) == '<') {
            int value = 0;
            int i = 1;
            while (i < n && i <= 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + s.charAt(i++) - '0';
            }
            if (i == 1 || i >= n || s.charAt(i) != '>' || value > 191) {
                return SyslogMessage.bare(s);
            }
            priority = value;
            p = i + 1;
            if (p + 1 < n && s.charAt(p) == '1' && s.charAt(p + 1) == ' ') {
                SyslogMessage rfc5424 = SyslogRfc5424.read(s, priority, p + 2, time, ctx);
                if (rfc5424 != null) {
                    return rfc5424;
                }
            }
        }
        return bsd(s, priority, p, ctx);
    }

    private SyslogMessage bsd(String s, int priority, int p, ParseContext ctx) {
        SyslogStamp stamp = new SyslogStamp();
        int end = stamp.read(s, p);
        if (end < 0 || !stamp.valid) {
            return headerless(s, priority, p);
        }
        ZoneId zone = ctx.defaultZone();
        if (stamp.offsetSeconds == SyslogStamp.NO_OFFSET && end < s.length() && s.charAt(end) == ' ') {
            // Cisco: "10:00:00 UTC: %ASA-..." or "10:00:00 CET fw1 ..."
            int wordEnd = tokenEnd(s, end + 1);
            int nameEnd = s.charAt(wordEnd - 1) == ':' ? wordEnd - 1 : wordEnd;
            ZoneId named = SyslogZones.lookup(s, end + 1, nameEnd);
            if (named != null) {
                zone = named;
                end = nameEnd;
            }
        }
        long timestamp = stamp.epochMillis(zone, time, ctx.clock());
        if (timestamp == SyslogMessage.NO_TIMESTAMP) {
            return headerless(s, priority, p);
        }
        return hostAndTag(s, priority, timestamp, end);
    }

    /** After the stamp: {@code HOST TAG: msg}, {@code HOST : msg} (ASA device-id), {@code : msg}, {@code TAG: msg}. */
    private static SyslogMessage hostAndTag(String s, int priority, long timestamp, int p) {
        int n = s.length();
        if (p < n && s.charAt(p) == ':') {
            return tagAndMessage(s, priority, timestamp, null, afterSpace(s, p + 1));
        }
        int start = skipSpaces(s, p);
        int end = tokenEnd(s, start);
        if (tagName(s, start, end) != null || !hostLike(s, start, end)) {
            return tagAndMessage(s, priority, timestamp, null, start);
        }
        String host = s.substring(start, end);
        p = afterSpace(s, end);
        if (p < n && s.charAt(p) == ':' && (p + 1 == n || s.charAt(p + 1) == ' ')) {
            p = afterSpace(s, p + 1);
        }
        return tagAndMessage(s, priority, timestamp, host, p);
    }

    /** An optional tag at {@code p}, then the message after it and one space. */
    private static SyslogMessage tagAndMessage(String s, int priority, long timestamp, String host, int p) {
        int start = skipSpaces(s, p);
        int end = tokenEnd(s, start);
        String app = tagName(s, start, end);
        int message = app == null ? p : afterSpace(s, end);
        return new SyslogMessage(s, priority, timestamp, host, app, null, s.substring(message));
    }

    private static SyslogMessage headerless(String s, int priority, int p) {
        if (priority < 0) {
            return SyslogMessage.bare(s);
        }
        return new SyslogMessage(s, priority, SyslogMessage.NO_TIMESTAMP, null, null, null, s.substring(p));
    }
}
