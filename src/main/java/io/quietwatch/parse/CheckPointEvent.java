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

    /** Fills {@code b} from {@code r}; returns the problem naming the field, or null. */
    static String fill(CheckPointRecord r, LogEventBuilder b) {
        String problem = endpoints(r, b);
        if (problem != null) {
            return problem;
        }
        int known = r.oneOf(ACTION, CheckPointValues.ACTIONS);
        String action = known >= 0 ? CheckPointValues.ACTION_WORDS[known] : r.text(ACTION);
        int product = r.oneOf(PRODUCT, CheckPointValues.PRODUCTS);
        b.action(known >= 0 || action == null ? action : action.toLowerCase(Locale.ROOT))
                .outcome(known >= 0 ? CheckPointValues.ACTION_OUTCOMES[known] : null)
                .observerProduct(product >= 0 ? CheckPointValues.PRODUCTS[product] : r.text(PRODUCT))
                .eventCode(r.first(LOGID, LOG_ID))
                .transport(r.transport())
                .ruleName(r.first(RULE_NAME, RULE_UID))
                .userName(r.first(USER, SRC_USER_NAME, ADMINISTRATOR))
                .connectionId(r.first(LOGUID, SESSION_ID))
                .reason(r.first(REASON, ACTION_REASON, DROP_REASON, OUT_OF_STATE))
                .icmpType(small(r, ICMP_TYPE))
                .icmpCode(small(r, ICMP_CODE));
        String flags = r.text(TCP_FLAGS);
        b.tcpFlags(flags == null ? null : flags.replace('-', ' '));
        interfaces(r, b);
        counters(r, b);
        boolean web = web(r, b, product == CheckPointValues.URL_FILTERING);
        if (web) {
            b.category(LogEvent.CATEGORY_WEB);
        } else if (known >= CheckPointValues.FIRST_LOGIN && known <= CheckPointValues.LAST_LOGIN) {
            b.category(LogEvent.CATEGORY_SESSION);
        } else if (r.has(SRC) || r.has(DST)) {
            b.category(LogEvent.CATEGORY_NETWORK);
        }
        return null;
    }

    private static String endpoints(CheckPointRecord r, LogEventBuilder b) {
        boolean[] bad = new boolean[1];
        String src = r.address(SRC, bad);
        long srcIpv4 = r.lastIpv4;
        if (bad[0]) {
            return "src is not an IP address";
        }
        String dst = r.address(DST, bad);
        long dstIpv4 = r.lastIpv4;
        if (bad[0]) {
            return "dst is not an IP address";
        }
        if (src == null) {
            src = r.address(CLIENT_IP, bad);
            srcIpv4 = r.lastIpv4;
            bad[0] = false; // a client_ip that is no address is simply not used
        }
        long sport = r.number(S_PORT, MAX_PORT);
        if (sport == -2) {
            return "s_port is not a port number 0-65535";
        }
        // service is the port number in Log Exporter output; older exports give a service name instead
        long dport = r.number(SERVICE, MAX_PORT);
        b.sourceIp(src, srcIpv4).destinationIp(dst, dstIpv4)
                .sourcePort(sport < 0 ? null : (int) sport)
                .destinationPort(dport < 0 ? null : (int) dport);
        String srcNat = r.address(XLATESRC, bad);
        if (bad[0]) {
            return "xlatesrc is not an IP address";
        }
        long srcNatPort = r.number(XLATESPORT, MAX_PORT);
        if (srcNatPort == -2) {
            return "xlatesport is not a port number 0-65535";
        }
        String dstNat = r.address(XLATEDST, bad);
        if (bad[0]) {
            return "xlatedst is not an IP address";
        }
        long dstNatPort = r.number(XLATEDPORT, MAX_PORT);
        if (dstNatPort == -2) {
            return "xlatedport is not a port number 0-65535";
        }
        b.sourceNatIp(natIp(srcNat)).sourceNatPort(natPort(srcNatPort))
                .destinationNatIp(natIp(dstNat)).destinationNatPort(natPort(dstNatPort));
        return null;
    }

    /** The exporter writes the unspecified address for "not translated". */
    private static String natIp(String address) {
        return address == null || address.equals("0.0.0.0") || address.equals("::") ? null : address;
    }

    private static Integer natPort(long port) {
        return port <= 0 ? null : (int) port;
    }

    private static void interfaces(CheckPointRecord r, LogEventBuilder b) {
        String ingress = r.text(CLIENT_INBOUND_INTERFACE);
        String egress = r.text(SERVER_OUTBOUND_INTERFACE);
        int dir = r.oneOf(IFDIR, DIRECTIONS);
        if (dir == 0 && ingress == null) {
            ingress = r.text(IFNAME);
        } else if (dir == 1 && egress == null) {
            egress = r.text(IFNAME);
        }
        b.ingressInterface(ingress).egressInterface(egress);
    }

    private static void counters(CheckPointRecord r, LogEventBuilder b) {
        b.sourceBytes(count(r, CLIENT_OUTBOUND_BYTES, SENT_BYTES))
                .destinationBytes(count(r, SERVER_OUTBOUND_BYTES, RECEIVED_BYTES))
                .networkBytes(count(r, BYTES, BYTES));
        Long packets = count(r, PACKETS, PACKETS);
        if (packets == null) {
            Long client = count(r, CLIENT_OUTBOUND_PACKETS, CLIENT_OUTBOUND_PACKETS);
            Long server = count(r, SERVER_OUTBOUND_PACKETS, SERVER_OUTBOUND_PACKETS);
            packets = client != null && server != null ? client + server : null;
        }
        b.networkPackets(packets);
        // the first of session_duration, duration and elapsed that reads as a duration
        long nanos = r.durationNanos(SESSION_DURATION);
        if (nanos < 0) {
            nanos = r.durationNanos(DURATION);
        }
        if (nanos < 0) {
            nanos = r.durationNanos(ELAPSED);
        }
        if (nanos >= 0) {
            b.durationNanos(nanos);
        }
    }

    /** URL fields; true when the record is a web (URL Filtering / Application Control) record. */
    private static boolean web(CheckPointRecord r, LogEventBuilder b, boolean urlFiltering) {
        String url = r.first(RESOURCE, URL);
        if ("-".equals(url)) {
            url = null;
        }
        if (url == null && !urlFiltering) {
            return false;
        }
        String domain = CheckPointUrl.domain(url);
        if (domain == null) {
            domain = hostName(r.text(HTTP_HOST));
        }
        if (domain == null && urlFiltering) {
            domain = hostName(r.text(APPI_NAME));
        }
        String file = r.text(FILE_NAME);
        b.url(url).urlDomain(domain).httpMethod(r.text(METHOD)).userAgent(r.text(USER_AGENT))
                .fileName(file != null ? file : CheckPointUrl.fileName(url));
        return true;
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
