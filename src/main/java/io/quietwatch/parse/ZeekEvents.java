package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.event.IanaProtocols.ICMP;
import static io.quietwatch.event.IanaProtocols.TCP;
import static io.quietwatch.event.IanaProtocols.UDP;
import static io.quietwatch.parse.ZeekFields.CONN_STATE;
import static io.quietwatch.parse.ZeekFields.DURATION;
import static io.quietwatch.parse.ZeekFields.HOST;
import static io.quietwatch.parse.ZeekFields.METHOD;
import static io.quietwatch.parse.ZeekFields.ORIG_BYTES;
import static io.quietwatch.parse.ZeekFields.ORIG_H;
import static io.quietwatch.parse.ZeekFields.ORIG_P;
import static io.quietwatch.parse.ZeekFields.ORIG_PKTS;
import static io.quietwatch.parse.ZeekFields.PATH;
import static io.quietwatch.parse.ZeekFields.PROTO;
import static io.quietwatch.parse.ZeekFields.RESP_BYTES;
import static io.quietwatch.parse.ZeekFields.RESP_FILENAMES;
import static io.quietwatch.parse.ZeekFields.RESP_H;
import static io.quietwatch.parse.ZeekFields.RESP_MIME_TYPES;
import static io.quietwatch.parse.ZeekFields.RESP_P;
import static io.quietwatch.parse.ZeekFields.RESP_PKTS;
import static io.quietwatch.parse.ZeekFields.STATUS_CODE;
import static io.quietwatch.parse.ZeekFields.SYSTEM_NAME;
import static io.quietwatch.parse.ZeekFields.UID;
import static io.quietwatch.parse.ZeekFields.URI;
import static io.quietwatch.parse.ZeekFields.USERNAME;
import static io.quietwatch.parse.ZeekFields.USER_AGENT;

/**
 * Builds the event of a Zeek record. Zeek is a passive sensor: it decides nothing, so {@code outcome}
 * stays null even for a rejected ({@code REJ}) or unanswered ({@code S0}) connection; {@code conn_state}
 * is the action. A conn.log record is written when the connection ends ({@code phase = end}), with its
 * duration, payload bytes per side and packets. For ICMP Zeek logs the type as {@code id.orig_p} and the
 * code as {@code id.resp_p}; they become the ICMP fields, not ports. Records of other logs keep what
 * every Zeek record has: time, uid, and the connection's endpoints when they read as such.
 */
final class ZeekEvents {
    static final String VENDOR = "Zeek";
    private static final String CONN = "conn";
    private static final String HTTP = "http";
    private static final String CONNECT = "CONNECT";
    private static final String PROBLEM_DECODING = "<problem-decoding>";
    private static final int LARGEST_STATUS = 999;
    private static final String[] STATES = {
        "S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"};

    private ZeekEvents() {
    }

    static LogEvent event(ZeekFields f, SyslogMessage m, ParseContext context, ZeekTime time) {
        String host = f.has(SYSTEM_NAME) ? f.text(SYSTEM_NAME) : m.hostname();
        LogEventBuilder b = LogEvent.builder()
                .timestamp(time.millis(f, m, context))
                .observerVendor(VENDOR)
                .observerProduct(VENDOR)
                .observerHostname(host)
                .format(ZeekParser.NAME)
                .category(LogEvent.CATEGORY_NETWORK)
                .connectionId(f.text(UID))
                .original(m.original());
        switch (f.kind) {
            case CONN -> conn(f, b);
            case HTTP -> http(f, b);
            default -> other(f, b);
        }
        return b.build(context.internal());
    }

    private static void conn(ZeekFields f, LogEventBuilder b) {
        String transport = transport(f);
        endpoints(f, b, transport);
        long duration = ZeekFields.UNSET;
        if (f.has(DURATION)) {
            duration = ZeekNumbers.nanos(f.line, f.from(DURATION), f.to(DURATION));
            if (duration == ZeekNumbers.NONE) {
                throw f.bad(DURATION, "is not a number of seconds");
            }
        }
        long origPackets = f.count(ORIG_PKTS);
        long respPackets = f.count(RESP_PKTS);
        b.eventCode(CONN)
                .phase(LogEvent.END)
                .transport(transport)
                .action(state(f))
                .durationNanos(boxed(duration))
                .sourceBytes(boxed(f.count(ORIG_BYTES)))
                .destinationBytes(boxed(f.count(RESP_BYTES)))
                .networkPackets(origPackets < 0 && respPackets < 0 ? null
                        : Long.valueOf(Math.max(origPackets, 0) + Math.max(respPackets, 0)));
    }

    private static void http(ZeekFields f, LogEventBuilder b) {
        String responder = endpoints(f, b, TCP);
        long status = f.count(STATUS_CODE);
        if (status > LARGEST_STATUS) {
            throw f.bad(STATUS_CODE, "is not an HTTP status code");
        }
        String method = f.text(METHOD);
        String url = ZeekUrls.url(f.text(HOST), f.text(URI), method, responder, f.port(RESP_P));
        String fileName = f.text(RESP_FILENAMES);
        String user = f.text(USERNAME);
        b.category(LogEvent.CATEGORY_WEB)
                .eventCode(HTTP)
                .transport(TCP)
                .httpMethod(method)
                .httpStatus(status < 0 ? null : Integer.valueOf((int) status))
                .url(url)
                .urlDomain(ZeekUrls.domain(url))
                .mimeType(f.text(RESP_MIME_TYPES))
                .userAgent(f.text(USER_AGENT))
                .fileName(fileName != null || CONNECT.equals(method) ? fileName : ZeekUrls.fileName(url))
                .userName(user == null || user.startsWith(PROBLEM_DECODING) ? null : user);
    }

    /** Any other log: the endpoints only when all four read, and the log's name when the writer gave it. */
    private static void other(ZeekFields f, LogEventBuilder b) {
        String transport = transport(f);
        b.eventCode(f.text(PATH)).transport(transport);
        String source = address(f, ORIG_H);
        String destination = address(f, RESP_H);
        if (source == null || destination == null || !isPort(f, ORIG_P) || !isPort(f, RESP_P)) {
            return;
        }
        b.sourceIp(source).destinationIp(destination);
        ports(f, b, transport);
    }

    /** Sets the endpoints, which must be there; returns the responder's address. */
    private static String endpoints(ZeekFields f, LogEventBuilder b, String transport) {
        String originator = requiredAddress(f, ORIG_H);
        String responder = requiredAddress(f, RESP_H);
        b.sourceIp(originator).destinationIp(responder);
        ports(f, b, transport);
        return responder;
    }

    private static void ports(ZeekFields f, LogEventBuilder b, String transport) {
        Integer orig = f.port(ORIG_P);
        Integer resp = f.port(RESP_P);
        if (ICMP.equals(transport)) {
            b.icmpType(orig).icmpCode(resp);
        } else {
            b.sourcePort(orig).destinationPort(resp);
        }
    }

    private static String requiredAddress(ZeekFields f, int slot) {
        if (!f.has(slot)) {
            throw new ZeekSyntaxException("missing " + ZeekFields.name(slot));
        }
        String address = address(f, slot);
        if (address == null) {
            throw f.bad(slot, "is not an IP address");
        }
        return address;
    }

    /** The address in the slot, or null when it is unset or not an address literal. */
    private static String address(ZeekFields f, int slot) {
        if (!f.has(slot)) {
            return null;
        }
        String s = f.line;
        int from = f.from(slot);
        int to = f.to(slot);
        if (IpAddresses.parseIpv4(s, from, to) >= 0) {
            return s.substring(from, to);
        }
        String text = f.text(slot);
        return text != null && text.indexOf(':') >= 0 && IpAddresses.isAddress(text) ? text : null;
    }

    private static boolean isPort(ZeekFields f, int slot) {
        try {
            return f.port(slot) != null;
        } catch (ZeekSyntaxException e) {
            return false;
        }
    }

    private static String transport(ZeekFields f) {
        if (f.is(PROTO, TCP)) {
            return TCP;
        }
        if (f.is(PROTO, UDP)) {
            return UDP;
        }
        return f.is(PROTO, ICMP) ? ICMP : null;
    }

    private static String state(ZeekFields f) {
        for (String state : STATES) {
            if (f.is(CONN_STATE, state)) {
                return state;
            }
        }
        return f.text(CONN_STATE);
    }

    private static Long boxed(long value) {
        return value < 0 ? null : Long.valueOf(value);
    }
}
