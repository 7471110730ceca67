package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.CefKeys.ACT;
import static io.quietwatch.parse.CefKeys.CONTENT_TYPE;
import static io.quietwatch.parse.CefKeys.DHOST;
import static io.quietwatch.parse.CefKeys.DST_NAT;
import static io.quietwatch.parse.CefKeys.DST_NAT_PORT;
import static io.quietwatch.parse.CefKeys.DVCHOST;
import static io.quietwatch.parse.CefKeys.EXTERNAL_ID;
import static io.quietwatch.parse.CefKeys.FILE_TYPE;
import static io.quietwatch.parse.CefKeys.FNAME;
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
import static io.quietwatch.parse.CefKeys.USER_AGENT;

/**
 * Fills a {@link LogEvent} from a CEF line's header, extension and custom fields; see
 * {@link CefParser} for the mapping. Time and duration come from {@link CefStamps}.
 */
final class CefEvents {
    private static final int NAME = 5;
    private static final int CLASS_ID = 4;
    private static final String[] MEDIA_TYPES = {"application", "text", "image", "audio", "video", "multipart",
        "message", "font", "model"};

    private CefEvents() {
    }

    static LogEvent build(SyslogMessage m, ParseContext context, CefHeader h, CefFields f, CefEndpoints ends,
                          CefCustom custom, CefStamps stamps) {
        String vendor = h.text(1);
        String src = ends.sourceIp != null ? ends.sourceIp : address(f, SHOST, custom, CefLabels.SOURCE_ADDRESS);
        String dst = ends.destinationIp != null ? ends.destinationIp
                : address(f, DHOST, custom, CefLabels.DESTINATION_ADDRESS);
        String url = f.present(REQUEST) ? f.text(REQUEST) : custom.text(CefLabels.URL);
        String outcome = outcome(h, f);
        Long duration = stamps.durationNanos() != null ? stamps.durationNanos() : custom.durationNanos();
        LogEventBuilder b = LogEvent.builder()
                .timestamp(stamps.timestamp())
                .observerVendor(vendor)
                .observerProduct(h.text(2))
                .observerHostname(f.present(DVCHOST) ? f.text(DVCHOST) : first(m.hostname(), f.text(CefKeys.DVC)))
                .format(CefParser.NAME)
                .eventCode(h.text(CLASS_ID))
                .action(f.text(ACT))
                .outcome(outcome)
                .phase(phase(h, f, duration, outcome))
                .reason(f.text(REASON))
                .sourceIp(src)
                .destinationIp(dst)
                .sourcePort(ends.sourcePort)
                .destinationPort(ends.destinationPort)
                .sourceNatIp(f.unspecifiedAddress(SRC_NAT) ? null : f.address(SRC_NAT))
                .sourceNatPort(natPort(f, SRC_NAT_PORT))
                .destinationNatIp(f.unspecifiedAddress(DST_NAT) ? null : f.address(DST_NAT))
                .destinationNatPort(natPort(f, DST_NAT_PORT))
                .transport(f.present(PROTO) ? CefVerdicts.transport(f.line(), f.from(PROTO), f.to(PROTO)) : null)
                .durationNanos(duration)
                .networkPackets(custom.packets())
                .networkBytes(custom.bytesTotal())
                .ingressInterface(f.text(IN_INTERFACE))
                .egressInterface(f.text(OUT_INTERFACE))
                .ruleName(custom.text(CefLabels.RULE))
                .userName(userName(f, custom))
                .connectionId(first(custom.text(CefLabels.SESSION), f.text(EXTERNAL_ID)))
                .original(m.original());
        bytes(b, f, vendor);
        web(b, f, custom, url);
        b.category(url != null ? LogEvent.CATEGORY_WEB
                : src != null || dst != null ? LogEvent.CATEGORY_NETWORK : null);
        return b.build(context.internal());
    }

    /**
     * {@code in} is "bytes transferred inbound, relative to the source to destination relationship,
     * meaning that data was flowing from source to destination" (ArcSight CEF spec), so it is what the
     * source sent. FortiGate (FortiOS to CEF mapping: {@code sentbyte} to {@code out}) and Zscaler
     * (NSS feeds: request size to {@code out}, response size to {@code in}) write it the other way round.
     */
    private static void bytes(LogEventBuilder b, CefFields f, String vendor) {
        Long in = f.boxedNumber(IN);
        Long out = f.boxedNumber(OUT);
        boolean reversed = vendor != null && (vendor.equalsIgnoreCase("Fortinet") || vendor.equalsIgnoreCase("Zscaler"));
        b.sourceBytes(reversed ? out : in).destinationBytes(reversed ? in : out);
    }

    private static void web(LogEventBuilder b, CefFields f, CefCustom custom, String url) {
        String fileType = f.text(FILE_TYPE);
        b.url(url)
                .urlDomain(url == null ? null : first(CefUrls.domain(url), f.text(DHOST)))
                .httpMethod(f.text(METHOD))
                .httpStatus(httpStatus(f, custom, url))
                .mimeType(first(f.text(CONTENT_TYPE), custom.text(CefLabels.MIME_TYPE),
                        first(mime(fileType), mime(f.text(CefKeys.REQUEST_CONTEXT)))))
                .userAgent(first(f.text(USER_AGENT), custom.text(CefLabels.USER_AGENT)))
                .fileName(first(f.text(FNAME), url == null ? null : CefUrls.fileName(url)));
    }

    /**
     * The value when it is shaped as a MIME type ({@code application/x-msdownload}): PAN-OS writes the
     * content type into {@code requestContext}, which the spec reserves for the referrer.
     */
    static String mime(String value) {
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf(':') >= 0 || value.indexOf(' ') >= 0) {
            return null;
        }
        for (String type : MEDIA_TYPES) {
            if (type.length() == slash && value.regionMatches(true, 0, type, 0, slash)) {
                return value;
            }
        }
        return null;
    }

    // Proxies (Zscaler) put the HTTP response code in "outcome".
    private static Integer httpStatus(CefFields f, CefCustom custom, String url) {
        long status = custom.number(CefLabels.HTTP_STATUS);
        if (status == CefFields.ABSENT && url != null) {
            status = f.number(OUTCOME);
        }
        return status >= 100 && status <= 599 ? Integer.valueOf((int) status) : null;
    }

    /** From {@code act}, else {@code outcome}, else the event class id or the name's last word. */
    private static String outcome(CefHeader h, CefFields f) {
        String s = f.line();
        String o = f.has(ACT) ? CefVerdicts.outcome(s, f.from(ACT), f.to(ACT)) : null;
        if (o == null && f.has(OUTCOME)) {
            o = CefVerdicts.outcome(s, f.from(OUTCOME), f.to(OUTCOME));
        }
        if (o == null && !f.has(ACT)) {
            o = CefVerdicts.outcome(s, h.from(CLASS_ID), h.to(CLASS_ID));
            if (o == null) {
                o = CefVerdicts.outcomeOfName(s, h.from(NAME), h.to(NAME));
            }
        }
        return o;
    }

    /** PAN-OS writes the traffic subtype ({@code start}, {@code end}) as the event class id. */
    private static String phase(CefHeader h, CefFields f, Long duration, String outcome) {
        String s = f.line();
        String p = CefVerdicts.phaseWord(s, h.from(CLASS_ID), h.to(CLASS_ID));
        if (p != null) {
            return p;
        }
        if (f.has(ACT) && CefVerdicts.endsSession(s, f.from(ACT), f.to(ACT))) {
            return LogEvent.END;
        }
        return duration != null && !LogEvent.DENIED.equals(outcome) ? LogEvent.END : null;
    }

    /** For want of an address key: a host name that is an address literal, else a custom field's. */
    private static String address(CefFields f, int host, CefCustom custom, int kind) {
        String a = f.has(host) ? f.address(host) : null;
        return a != null ? a : custom.address(kind);
    }

    /** The source user is the one who acted; the destination user only when no source user is named. */
    private static String userName(CefFields f, CefCustom custom) {
        if (f.present(SUSER)) {
            return f.text(SUSER);
        }
        return f.present(CefKeys.DUSER) ? f.text(CefKeys.DUSER) : custom.text(CefLabels.USER);
    }

    /** Devices write port 0 for "not translated". */
    private static Integer natPort(CefFields f, int id) {
        long n = f.number(id);
        return n <= 0 || n > 0xffff ? null : Integer.valueOf((int) n);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
