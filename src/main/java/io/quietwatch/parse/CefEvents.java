package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.CefKeys.ACT;
import static io.quietwatch.parse.CefKeys.DHOST;
import static io.quietwatch.parse.CefKeys.DST_NAT;
import static io.quietwatch.parse.CefKeys.DST_NAT_PORT;
import static io.quietwatch.parse.CefKeys.DVCHOST;
import static io.quietwatch.parse.CefKeys.EXTERNAL_ID;
import static io.quietwatch.parse.CefKeys.IN;
import static io.quietwatch.parse.CefKeys.IN_INTERFACE;
import static io.quietwatch.parse.CefKeys.METHOD;
import static io.quietwatch.parse.CefKeys.OUT;
import static io.quietwatch.parse.CefKeys.OUTCOME;
import static io.quietwatch.parse.CefKeys.OUT_INTERFACE;
import static io.quietwatch.parse.CefKeys.PROTO;
import static io.quietwatch.parse.CefKeys.REASON;
import static io.quietwatch.parse.CefKeys.REQUEST;
import static io.quietwatch.parse.CefKeys.SHOST;
import static io.quietwatch.parse.CefKeys.SRC_NAT;
import static io.quietwatch.parse.CefKeys.SRC_NAT_PORT;
import static io.quietwatch.parse.CefKeys.SUSER;

/**
 * Fills a {@link LogEvent} from a CEF line's header, extension and custom fields; see
 * {@link CefParser} for the mapping. Time and duration come from {@link CefStamps}.
 */
final class CefEvents {
    private static final int NAME = 5;
    private static final int CLASS_ID = 4;

    private CefEvents() {
    }

    static LogEvent build(SyslogMessage m, ParseContext context, CefHeader h, CefFields f, CefEndpoints ends,
                          CefCustom custom, CefStamps stamps) {
        String vendor = h.text(1);
        String src = ends.sourceIp;
        long srcIpv4 = ends.sourceIpv4;
        if (src == null) {
            src = address(f, SHOST, custom, CefLabels.SOURCE_ADDRESS);
            srcIpv4 = -1;
        }
        String dst = ends.destinationIp;
        long dstIpv4 = ends.destinationIpv4;
        if (dst == null) {
            dst = address(f, DHOST, custom, CefLabels.DESTINATION_ADDRESS);
            dstIpv4 = -1;
        }
        String url = f.text(REQUEST);
        if (url == null) {
            url = custom.text(CefLabels.URL);
        }
        String outcome = outcome(h, f);
        Long duration = stamps.durationNanos() != null ? stamps.durationNanos() : custom.durationNanos();
        boolean reversed = reversedBytes(vendor);
        Long in = f.boxedNumber(IN);
        Long out = f.boxedNumber(OUT);
        String domain = url == null ? null : CefUrls.domain(url);
        // one call with every value: filling a builder first costs a few percent of the parse
        return LogEventBuilder.create(context.internal(), stamps.timestamp(), vendor, h.text(2), hostname(m, f),
                CefParser.NAME, h.text(CLASS_ID),
                url != null ? LogEvent.CATEGORY_WEB : src != null || dst != null ? LogEvent.CATEGORY_NETWORK : null,
                f.text(ACT), outcome, phase(h, f, duration, outcome), f.text(REASON), src, srcIpv4, ends.sourcePort,
                dst, dstIpv4, ends.destinationPort, f.unspecifiedAddress(SRC_NAT) ? null : f.address(SRC_NAT),
                natPort(f, SRC_NAT_PORT), f.unspecifiedAddress(DST_NAT) ? null : f.address(DST_NAT),
                natPort(f, DST_NAT_PORT),
                f.present(PROTO) ? CefVerdicts.transport(f.line(), f.from(PROTO), f.to(PROTO)) : null, duration,
                reversed ? out : in, reversed ? in : out, custom.bytesTotal(), custom.packets(), null, null, null,
                null, null, f.text(IN_INTERFACE), f.text(OUT_INTERFACE), custom.text(CefLabels.RULE), url,
                domain != null || url == null ? domain : f.text(DHOST), f.text(METHOD),
                CefWeb.httpStatus(f, custom, url), CefWeb.mimeType(f, custom), CefWeb.userAgent(f, custom),
                CefWeb.fileName(f, url), userName(f, custom), null, connectionId(f, custom), m.original());
    }

    /**
     * {@code in} is "bytes transferred inbound, relative to the source to destination relationship,
     * meaning that data was flowing from source to destination" (ArcSight CEF spec), so it is what the
     * source sent. FortiGate (FortiOS to CEF mapping: {@code sentbyte} to {@code out}) and Zscaler
     * (NSS feeds: request size to {@code out}, response size to {@code in}) write it the other way round.
     */
    private static boolean reversedBytes(String vendor) {
        return vendor != null && (vendor.equals("Fortinet") || vendor.equals("Zscaler")
                || vendor.equalsIgnoreCase("Fortinet") || vendor.equalsIgnoreCase("Zscaler"));
    }

    /** From {@code act}, else {@code outcome}, else the event class id or the name's last word. */
    private static String outcome(CefHeader h, CefFields f) {
        String s = f.line();
        String o = f.has(ACT) ? CefVerdicts.outcome(s, f.from(ACT), f.to(ACT)) : null;
        if (o == null && f.has(OUTCOME)) {
            o = CefVerdicts.outcome(s, f.from(OUTCOME), f.to(OUTCOME));
        }
        if (o == null && !f.has(ACT)) {
            String header = h.source();
            o = CefVerdicts.outcome(header, h.from(CLASS_ID), h.to(CLASS_ID));
            if (o == null) {
                o = CefVerdicts.outcomeOfName(header, h.from(NAME), h.to(NAME));
            }
        }
        return o;
    }

    /** PAN-OS writes the traffic subtype ({@code start}, {@code end}) as the event class id. */
    private static String phase(CefHeader h, CefFields f, Long duration, String outcome) {
        String p = CefVerdicts.phaseWord(h.source(), h.from(CLASS_ID), h.to(CLASS_ID));
        if (p != null) {
            return p;
        }
        if (f.has(ACT) && CefVerdicts.endsSession(f.line(), f.from(ACT), f.to(ACT))) {
            return LogEvent.END;
        }
        return duration != null && !LogEvent.DENIED.equals(outcome) ? LogEvent.END : null;
    }

    /** A custom field labelled as the session id, else {@code externalId}. */
    private static String connectionId(CefFields f, CefCustom custom) {
        String session = custom.text(CefLabels.SESSION);
        return session != null ? session : f.text(EXTERNAL_ID);
    }

    /** For want of an address key: a host name that is an address literal, else a custom field's. */
    private static String address(CefFields f, int host, CefCustom custom, int kind) {
        String a = f.has(host) ? f.address(host) : null;
        return a != null ? a : custom.address(kind);
    }

    /** The source user is the one who acted; the destination user only when no source user is named. */
    private static String userName(CefFields f, CefCustom custom) {
        String user = f.text(SUSER);
        if (user == null) {
            user = f.text(CefKeys.DUSER);
        }
        return user != null ? user : custom.text(CefLabels.USER);
    }

    /** Devices write port 0 for "not translated". */
    private static Integer natPort(CefFields f, int id) {
        long n = f.number(id);
        return n <= 0 || n > 0xffff ? null : Integer.valueOf((int) n);
    }

    /** The device's own name ({@code dvchost}), else the syslog header's host, else {@code dvc}. */
    private static String hostname(SyslogMessage m, CefFields f) {
        String host = f.text(DVCHOST);
        if (host == null) {
            host = m.hostname() != null ? m.hostname() : f.text(CefKeys.DVC);
        }
        return host;
    }
}
