package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * OpenVPN server logs, to map the address a VPN client was given to the user: the log lines of the
 * daemon as syslog carries them (tag {@code openvpn}, {@code ovpn-server}, {@code openvpn_server1}, ...)
 * or as its log file holds them (with OpenVPN's own time stamp in front), the same lines wrapped by
 * OpenVPN Access Server ({@code openvpnas.log}), and the records of its status file
 * ({@code CLIENT_LIST}, {@code ROUTING_TABLE}). Logins, address assignments and
 * disconnections become {@code session} events: the source is the client's real (public) address,
 * {@code assignedIp} the tunnel address, {@code userName} the common name or user name; failed logins
 * are {@code denied}. See {@link OpenVpnLog} and {@link OpenVpnStatus} for the messages read.
 *
 * <p>OpenVPN has no message ids: {@code eventCode} is the status record type and stays null for log
 * lines, whose kind is in {@code action}. Time: OpenVPN's own stamp (local time in the input's zone,
 * or an epoch) wins over the syslog header's; without either the context clock's now is used.
 * Stateless and thread-safe.
 */
public final class OpenVpnParser implements EventParser {
    /** The format name. */
    public static final String NAME = "openvpn";

    private static final String VENDOR = "OpenVPN";
    private static final String PRODUCT = "OpenVPN";
    private static final String ACCESS_SERVER = "[stdout#";
    private static final String ACCESS_SERVER_OUT = "] OUT: ";

    private final OpenVpnTime time = new OpenVpnTime();

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The syslog tag names OpenVPN ({@code openvpn...}, {@code ovpn...}), the line is a status record,
     * it holds a marker of OpenVPN's login and address messages ({@code MULTI:}, {@code MULTI_sva},
     * {@code Peer Connection Initiated}), it is an Access Server line ({@code [stdout#info] [OVPN 0]
     * OUT: '...'}), or it is a log file line: OpenVPN's time stamp followed by a client prefix
     * ({@code 2026-11-26 10:00:00 jdoe/198.51.100.7:51234 ...}).
     */
    @Override
    public boolean claims(SyslogMessage message) {
        if (message == null || message.message() == null) {
            return false;
        }
        String s = message.message();
        if (isOpenVpnTag(message.appName()) || OpenVpnStatus.record(s) != null || OpenVpnLog.hasMarker(s)
                || s.startsWith(ACCESS_SERVER) && s.contains(ACCESS_SERVER_OUT)) {
            return true;
        }
        int lead = OpenVpnTime.leadingLength(s, 0);
        return lead > 0 && OpenVpnLine.split(s, lead, s.length()).peer != null;
    }

    /** Only what {@link #claims} takes: {@link #parse} reads stamped server lines too when chosen by name. */
    @Override
    public ParseResult parseIfMine(SyslogMessage message, ParseContext context) {
        return claims(message) ? parse(message, context) : ParseResult.NOT_MINE;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String s = message == null ? null : message.message();
        if (s == null) {
            return ParseResult.NOT_MINE;
        }
        boolean tagged = isOpenVpnTag(message.appName());
        String record = OpenVpnStatus.record(s);
        int from = record == null ? innerStart(s) : 0;
        int to = from > 0 ? s.lastIndexOf(s.charAt(from - 1)) : s.length();
        int lead = record == null ? OpenVpnTime.leadingLength(s, from) : 0;
        // more lenient than claims(): an explicitly chosen format also reads stamped server lines
        if (record == null && !tagged && from == 0 && lead == 0 && !OpenVpnLog.hasMarker(s)) {
            return ParseResult.NOT_MINE;
        }
        try {
            LogEventBuilder b = LogEvent.builder()
                    .observerVendor(VENDOR)
                    .observerProduct(PRODUCT)
                    .observerHostname(message.hostname())
                    .format(NAME)
                    .original(message.original());
            long stamp = OpenVpnTime.NONE;
            if (record != null) {
                stamp = OpenVpnStatus.read(s, record, b, time, context.defaultZone());
            } else {
                // Access Server's own stamp (in the header) has a zone; the wrapped daemon's has none
                if (lead > 0 && !(from > 0 && message.hasTimestamp())) {
                    stamp = time.millis(s, from, from + lead, context.defaultZone());
                }
                if (!OpenVpnLog.read(s, from + lead, to, b) && !tagged && from == 0 && lead == 0) {
                    return ParseResult.NOT_MINE;
                }
            }
            if (stamp == OpenVpnTime.NONE) {
                stamp = message.hasTimestamp() ? message.timestamp() : context.clock().millis();
            }
            return ParseResult.parsed(b.timestamp(stamp).build(context.internal()));
        } catch (OpenVpnSyntaxException e) {
            return ParseResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("OpenVPN line", e);
        }
    }

    /**
     * Where the daemon's line starts inside an Access Server line ({@code [stdout#info] [OVPN 4] OUT:
     * '2026-11-26 10:00:00 jdoe/198.51.100.7:51234 MULTI: ...'}), just after the opening quote; 0 for
     * other lines.
     */
    private static int innerStart(String s) {
        if (!s.startsWith(ACCESS_SERVER)) {
            return 0;
        }
        int out = s.indexOf(ACCESS_SERVER_OUT);
        int quote = out < 0 ? -1 : out + ACCESS_SERVER_OUT.length();
        if (quote >= s.length() || quote < 0 || s.charAt(quote) != '\'' && s.charAt(quote) != '"'
                || s.lastIndexOf(s.charAt(quote)) <= quote) {
            return 0;
        }
        return quote + 1;
    }

    /** {@code openvpn}, {@code openvpn-server@x}, {@code openvpn_server1} (OPNsense), {@code ovpn-server} (Debian). */
    private static boolean isOpenVpnTag(String app) {
        return app != null && (app.startsWith("openvpn") || app.startsWith("ovpn") || app.startsWith("OpenVPN"));
    }
}
