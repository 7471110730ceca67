package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import java.util.Locale;

import static io.quietwatch.parse.CheckPointKeys.*;

/**
 * Puts the fields of a {@link CheckPointRecord} into an event (Check Point's "Log Exporter Appendix"
 * field names): {@code src}/{@code s_port} and {@code dst}/{@code service} are the endpoints, the
 * {@code xlate*} fields the NAT ({@code 0.0.0.0} and port 0 mean "not translated"), {@code ifname} is the
 * ingress or egress interface as {@code ifdir} says, the client is the source for the per-side counters.
 * Records with a {@code resource} (URL Filtering, Application Control) are {@code web} events; login
 * records (Identity Awareness, Mobile Access) are {@code session} events.
 */
final class CheckPointEvent {
    private static final int MAX_PORT = 0xffff;
    private static final int MAX_BYTE = 0xff;
    private static final String[] DIRECTIONS = {"inbound", "outbound"};

    private CheckPointEvent() {
    }

    /**
     * The event of {@code r} (time, host and original line from the caller), or {@code Malformed} naming
     * the field whose value does not read. The values are gathered first and the event made in one call
     * ({@link LogEventBuilder#create}), cheaper than filling a builder.
     */
    static ParseResult read(CheckPointRecord r, ParseContext context, long time, String vendor, String host,
                            String format, String original) {
        // endpoints
        boolean[] bad = new boolean[1];
        String src = r.address(SRC, bad);
        long srcIpv4 = r.lastIpv4;
        if (bad[0]) {
            return ParseResult.malformed("src is not an IP address");
        }
        String dst = r.address(DST, bad);
        long dstIpv4 = r.lastIpv4;
        if (bad[0]) {
            return ParseResult.malformed("dst is not an IP address");
        }
        if (src == null) {
            src = r.address(CLIENT_IP, bad);
            srcIpv4 = r.lastIpv4;
            bad[0] = false; // a client_ip that is no address is simply not used
        }
        long sport = r.number(S_PORT, MAX_PORT);
        if (sport == -2) {
            return ParseResult.malformed("s_port is not a port number 0-65535");
        }
        // service is the port number in Log Exporter output; older exports give a service name instead
        long dport = r.number(SERVICE, MAX_PORT);
        String srcNat = r.address(XLATESRC, bad);
        if (bad[0]) {
            return ParseResult.malformed("xlatesrc is not an IP address");
        }
        long srcNatPort = r.number(XLATESPORT, MAX_PORT);
        if (srcNatPort == -2) {
            return ParseResult.malformed("xlatesport is not a port number 0-65535");
        }
        String dstNat = r.address(XLATEDST, bad);
        if (bad[0]) {
            return ParseResult.malformed("xlatedst is not an IP address");
        }
        long dstNatPort = r.number(XLATEDPORT, MAX_PORT);
        if (dstNatPort == -2) {
            return ParseResult.malformed("xlatedport is not a port number 0-65535");
        }
        int known = r.oneOf(ACTION, CheckPointValues.ACTIONS);
        String action = known >= 0 ? CheckPointValues.ACTION_WORDS[known] : r.text(ACTION);
        int product = r.oneOf(PRODUCT, CheckPointValues.PRODUCTS);
        String flags = r.text(TCP_FLAGS);
        // ifname is the ingress or the egress interface as ifdir says
        String ingress = r.text(CLIENT_INBOUND_INTERFACE);
        String egress = r.text(SERVER_OUTBOUND_INTERFACE);
        int dir = r.oneOf(IFDIR, DIRECTIONS);
        if (dir == 0 && ingress == null) {
            ingress = r.text(IFNAME);
        } else if (dir == 1 && egress == null) {
            egress = r.text(IFNAME);
        }
        // a URL Filtering / Application Control record is a web event
        boolean urlFiltering = product == CheckPointValues.URL_FILTERING;
        String url = r.first(RESOURCE, URL);
        if ("-".equals(url)) {
            url = null;
        }
        boolean web = url != null || urlFiltering;
        String category = web ? LogEvent.CATEGORY_WEB
                : known >= CheckPointValues.FIRST_LOGIN && known <= CheckPointValues.LAST_LOGIN
                ? LogEvent.CATEGORY_SESSION : r.has(SRC) || r.has(DST) ? LogEvent.CATEGORY_NETWORK : null;
        return ParseResult.parsed(LogEventBuilder.create(context.internal(), time, vendor,
                product >= 0 ? CheckPointValues.PRODUCTS[product] : r.text(PRODUCT), host, format,
                r.first(LOGID, LOG_ID), category,
                known >= 0 || action == null ? action : action.toLowerCase(Locale.ROOT),
                known >= 0 ? CheckPointValues.ACTION_OUTCOMES[known] : null, null,
                r.first(REASON, ACTION_REASON, DROP_REASON, OUT_OF_STATE), src, srcIpv4,
                sport < 0 ? null : (Integer) (int) sport, dst, dstIpv4,
                dport < 0 ? null : (Integer) (int) dport, natIp(srcNat), natPort(srcNatPort), natIp(dstNat),
                natPort(dstNatPort), r.transport(), duration(r), count(r, CLIENT_OUTBOUND_BYTES, SENT_BYTES),
                count(r, SERVER_OUTBOUND_BYTES, RECEIVED_BYTES), count(r, BYTES, BYTES), packets(r), null, null,
                flags == null ? null : flags.replace('-', ' '), small(r, ICMP_TYPE), small(r, ICMP_CODE), ingress,
                egress, r.first(RULE_NAME, RULE_UID), url, web ? domain(r, url, urlFiltering) : null,
                web ? r.text(METHOD) : null, null, null, web ? r.text(USER_AGENT) : null,
                web ? fileName(r, url) : null, r.first(USER, SRC_USER_NAME, ADMINISTRATOR), null,
                r.first(LOGUID, SESSION_ID), original));
    }

    /** The exporter writes the unspecified address for "not translated". */
    private static String natIp(String address) {
        return address == null || address.equals("0.0.0.0") || address.equals("::") ? null : address;
    }

    private static Integer natPort(long port) {
        return port <= 0 ? null : (int) port;
    }

    private static Long packets(CheckPointRecord r) {
        Long packets = count(r, PACKETS, PACKETS);
        if (packets == null) {
            Long client = count(r, CLIENT_OUTBOUND_PACKETS, CLIENT_OUTBOUND_PACKETS);
            Long server = count(r, SERVER_OUTBOUND_PACKETS, SERVER_OUTBOUND_PACKETS);
            packets = client != null && server != null ? client + server : null;
        }
        return packets;
    }

    /** The first of session_duration, duration and elapsed that reads as a duration, in nanoseconds. */
    private static Long duration(CheckPointRecord r) {
        long nanos = r.durationNanos(SESSION_DURATION);
        if (nanos < 0) {
            nanos = r.durationNanos(DURATION);
        }
        if (nanos < 0) {
            nanos = r.durationNanos(ELAPSED);
        }
        return nanos >= 0 ? Long.valueOf(nanos) : null;
    }

    /** The URL's host, else the HTTP host, else (URL Filtering) the application name when it is a host name. */
    private static String domain(CheckPointRecord r, String url, boolean urlFiltering) {
        String domain = CheckPointUrl.domain(url);
        if (domain == null) {
            domain = hostName(r.text(HTTP_HOST));
        }
        if (domain == null && urlFiltering) {
            domain = hostName(r.text(APPI_NAME));
        }
        return domain;
    }

    private static String fileName(CheckPointRecord r, String url) {
        String file = r.text(FILE_NAME);
        return file != null ? file : CheckPointUrl.fileName(url);
    }

    private static String hostName(String value) {
        return value != null && value.indexOf('.') > 0 && CheckPointUrl.host(value, 0, value.length())
                ? value.toLowerCase(Locale.ROOT) : null;
    }

    private static Long count(CheckPointRecord r, int id, int fallback) {
        long v = r.number(id, Long.MAX_VALUE);
        if (v < 0 && fallback != id) {
            v = r.number(fallback, Long.MAX_VALUE);
        }
        return v < 0 ? null : v;
    }

    private static Integer small(CheckPointRecord r, int id) {
        long v = r.number(id, MAX_BYTE);
        return v < 0 ? null : (int) v;
    }
}
