package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Reads web proxy access logs: Squid's native format ({@link SquidNative}, also the SquidPlus layout
 * and what Cisco WSA and other proxies write in the same shape) and the common and combined
 * Apache-style formats ({@link SquidCommon}), bare or behind a syslog header whose tag is
 * {@code squid[pid]:} or {@code (squid-1)[pid]:}. Each line is one finished request: the event has
 * category {@code web}, the client as source, the upstream server (when the hierarchy field names it by
 * address) as destination, the URL and what it says (domain, port, file name), method, status, MIME
 * type, user, user agent, the bytes sent to the client as {@code destinationBytes}, the elapsed time as
 * {@code durationNanos}, Squid's result code as action and the outcome ({@link SquidResult}).
 *
 * <p>The line's own time wins over the syslog header's. A line tagged {@code squid} that is not an
 * access record (cache.log messages sent to syslog) gives an event with only the time, the device and
 * the original line; one that starts like a record but is not one (cut off after the epoch) is
 * {@code Malformed}. Stateless and thread-safe.
 */
public final class SquidParser implements EventParser {
    /** The format name. */
    public static final String NAME = "squid";

    private static final String VENDOR = "Squid";
    private static final String PRODUCT = "Squid";
    /** How far into a message a {@code squid...:} tag is looked for. */
    private static final int TAG_WINDOW = 64;
    /** How far into the whole line, when the header parser took the record's start for a header field. */
    private static final int ORIGINAL_TAG_WINDOW = 200;

    private final SyslogLocalTime localTime = new SyslogLocalTime();

    @Override
    public String name() {
        return NAME;
    }

    /** A native or common record (after an optional tag), or a syslog tag naming squid. */
    @Override
    public boolean claims(SyslogMessage message) {
        if (message == null || message.message() == null) {
            return false;
        }
        String s = message.message();
        return SquidShape.kind(s, SquidShape.recordStart(s, TAG_WINDOW)) != SquidShape.NONE
                || squidTag(message.appName());
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String s = message == null ? null : message.message();
        if (s == null) {
            return ParseResult.NOT_MINE;
        }
        int start = SquidShape.recordStart(s, TAG_WINDOW);
        int kind = SquidShape.kind(s, start);
        if (kind == SquidShape.NONE) {
            if (!squidTag(message.appName())) {
                return ParseResult.NOT_MINE;
            }
            return fromOriginal(message, context, start);
        }
        return read(message, context, s, start, kind);
    }

    /**
     * A squid-tagged message without a record: the header parser may have read the record's first
     * fields as header fields (an RFC 5424 header with a BSD tag), so the whole line is searched.
     */
    private ParseResult fromOriginal(SyslogMessage m, ParseContext context, int start) {
        String o = m.original();
        if (o != null && !o.equals(m.message())) {
            int tag = SquidShape.tagEnd(o, 0, ORIGINAL_TAG_WINDOW);
            if (tag >= 0) {
                int at = SquidShape.skipSpaces(o, tag);
                int kind = SquidShape.kind(o, at);
                if (kind != SquidShape.NONE) {
                    return read(m, context, o, at, kind);
                }
            }
        }
        String s = m.message();
        if (start < s.length() && Character.isDigit(s.charAt(start))) {
            return ParseResult.malformed("squid access record cut off or in an unknown layout");
        }
        return ParseResult.parsed(common(m, context).build(context.internal()));
    }

    private ParseResult read(SyslogMessage m, ParseContext context, String text, int start, int kind) {
        try {
            LogEventBuilder b = common(m, context).category(LogEvent.CATEGORY_WEB);
            SquidCursor c = new SquidCursor(text, start, trimmedEnd(text));
            if (kind == SquidShape.NATIVE) {
                SquidNative.read(c, b);
            } else {
                SquidCommon.read(c, context.defaultZone(), localTime, b);
            }
            return ParseResult.parsed(b.build(context.internal()));
        } catch (SquidSyntaxException e) {
            return ParseResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("squid line", e);
        }
    }

    private static LogEventBuilder common(SyslogMessage m, ParseContext context) {
        return LogEvent.builder()
                .timestamp(m.hasTimestamp() ? m.timestamp() : context.clock().millis())
                .observerVendor(VENDOR)
                .observerProduct(PRODUCT)
                .observerHostname(m.hostname())
                .format(NAME)
                .original(m.original());
    }

    /** The tag names squid: {@code squid}, or pfSense/OPNsense's {@code (squid-1)}. */
    private static boolean squidTag(String app) {
        return app != null && (app.equalsIgnoreCase("squid") || app.regionMatches(true, 0, "(squid", 0, 6));
    }

    private static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }
}
