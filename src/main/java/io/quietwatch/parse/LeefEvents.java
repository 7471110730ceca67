package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import java.time.ZoneId;

import static io.quietwatch.parse.LeefKeys.ACTION;
import static io.quietwatch.parse.LeefKeys.CAT;

/** Fills a {@link LogEvent} from a LEEF event's header and attributes; see {@link LeefParser}. */
final class LeefEvents {
    private static final int VENDOR = 1;
    private static final int PRODUCT = 2;
    private static final int EVENT_ID = 4;

    private LeefEvents() {
    }

    static LogEvent build(SyslogMessage m, ParseContext context, CefHeader h, CefFields f, CefEndpoints ends,
                          LeefTime time) {
        String src = ends.sourceIp != null ? ends.sourceIp : preNat(f, LeefKeys.SRC_PRE_NAT);
        String dst = ends.destinationIp != null ? ends.destinationIp : preNat(f, LeefKeys.DST_PRE_NAT);
        String url = f.text(LeefKeys.URL);
        int[] action = action(h, f);
        String s = f.line();
        String outcome = action == null ? null : CefVerdicts.outcome(s, action[0], action[1]);
        Long duration = duration(f);
        LogEventBuilder b = LogEvent.builder()
                .timestamp(timestamp(m, context, f, time))
                .observerVendor(h.text(VENDOR))
                .observerProduct(h.text(PRODUCT))
                .observerHostname(f.present(LeefKeys.DEVICE_NAME) ? f.text(LeefKeys.DEVICE_NAME) : m.hostname())
                .format(LeefParser.NAME)
                .eventCode(h.text(EVENT_ID))
                .category(url != null ? LogEvent.CATEGORY_WEB
                        : src != null || dst != null ? LogEvent.CATEGORY_NETWORK : null)
                .action(action == null ? null : s.substring(action[0], action[1]))
                .outcome(outcome)
                .phase(phase(f, action, duration, outcome))
                .reason(f.text(LeefKeys.REASON))
                .sourceIp(src)
                .destinationIp(dst)
                .sourcePort(ends.sourcePort)
                .destinationPort(ends.destinationPort)
                .sourceNatIp(f.unspecifiedAddress(LeefKeys.SRC_POST_NAT) ? null : f.address(LeefKeys.SRC_POST_NAT))
                .sourceNatPort(natPort(f, LeefKeys.SRC_POST_NAT_PORT))
                .destinationNatIp(f.unspecifiedAddress(LeefKeys.DST_POST_NAT) ? null : f.address(LeefKeys.DST_POST_NAT))
                .destinationNatPort(natPort(f, LeefKeys.DST_POST_NAT_PORT))
                .transport(f.present(LeefKeys.PROTO)
                        ? CefVerdicts.transport(s, f.from(LeefKeys.PROTO), f.to(LeefKeys.PROTO)) : null)
                .durationNanos(duration)
                .sourceBytes(f.boxedNumber(LeefKeys.SRC_BYTES))
                .destinationBytes(f.boxedNumber(LeefKeys.DST_BYTES))
                .networkBytes(f.boxedNumber(LeefKeys.TOTAL_BYTES))
                .networkPackets(packets(f))
                .ingressInterface(f.text(LeefKeys.INGRESS))
                .egressInterface(f.text(LeefKeys.EGRESS))
                .ruleName(f.present(LeefKeys.RULE_NAME) ? f.text(LeefKeys.RULE_NAME) : f.text(LeefKeys.POLICY))
                .userName(f.present(LeefKeys.USER) ? f.text(LeefKeys.USER) : f.text(LeefKeys.SOURCE_USER))
                .connectionId(f.text(LeefKeys.SESSION_ID))
                .original(m.original());
        web(b, f, url);
        return b.build(context.internal());
    }

    private static void web(LogEventBuilder b, CefFields f, String url) {
        long status = f.number(LeefKeys.STATUS);
        String domain = url == null ? null : CefUrls.domain(url);
        b.url(url)
                .urlDomain(domain != null || url == null ? domain : f.text(LeefKeys.HOST_NAME))
                .httpMethod(f.text(LeefKeys.METHOD))
                .httpStatus(status >= 100 && status <= 599 ? Integer.valueOf((int) status) : null)
                .mimeType(CefWeb.mime(f.text(LeefKeys.MIME_TYPE)))
                .userAgent(f.text(LeefKeys.USER_AGENT))
                .fileName(f.present(LeefKeys.FILE_NAME) ? f.text(LeefKeys.FILE_NAME)
                        : url == null ? null : CefUrls.fileName(url));
    }

    /**
     * Where the action word is: {@code action}; else {@code cat} or the event id when it is a verdict
     * word (Zscaler writes {@code cat=Blocked}, PAN-OS the action as the event id).
     */
    private static int[] action(CefHeader h, CefFields f) {
        String s = f.line();
        if (f.present(ACTION)) {
            return new int[] {f.from(ACTION), f.to(ACTION)};
        }
        if (f.present(CAT) && CefVerdicts.outcome(s, f.from(CAT), f.to(CAT)) != null) {
            return new int[] {f.from(CAT), f.to(CAT)};
        }
        if (CefVerdicts.outcome(s, h.from(EVENT_ID), h.to(EVENT_ID)) != null) {
            return new int[] {h.from(EVENT_ID), h.to(EVENT_ID)};
        }
        return null;
    }

    private static String phase(CefFields f, int[] action, Long duration, String outcome) {
        String s = f.line();
        if (f.present(LeefKeys.SUBTYPE)) {
            String p = CefVerdicts.phaseWord(s, f.from(LeefKeys.SUBTYPE), f.to(LeefKeys.SUBTYPE));
            if (p != null) {
                return p;
            }
        }
        if (action != null && CefVerdicts.endsSession(s, action[0], action[1])) {
            return LogEvent.END;
        }
        return duration != null && !LogEvent.DENIED.equals(outcome) ? LogEvent.END : null;
    }

    private static long timestamp(SyslogMessage m, ParseContext context, CefFields f, LeefTime time) {
        if (f.present(LeefKeys.DEV_TIME)) {
            ZoneId zone = context.defaultZone();
            if (f.present(LeefKeys.DEVICE_ZONE)) {
                ZoneId named = CefTime.zone(f.line(), f.from(LeefKeys.DEVICE_ZONE), f.to(LeefKeys.DEVICE_ZONE));
                zone = named != null ? named : zone;
            }
            long t = time.read(f.line(), f.from(LeefKeys.DEV_TIME), f.to(LeefKeys.DEV_TIME),
                    f.text(LeefKeys.DEV_TIME_FORMAT), zone, context.clock());
            if (t != CefTime.NONE) {
                return t;
            }
        }
        return m.hasTimestamp() ? m.timestamp() : context.clock().millis();
    }

    private static Long duration(CefFields f) {
        long seconds = f.number(LeefKeys.ELAPSED_SECONDS);
        if (seconds != CefFields.ABSENT) {
            return seconds * 1_000_000_000L;
        }
        long millis = f.number(LeefKeys.DURATION_MILLIS);
        return millis == CefFields.ABSENT ? null : millis * 1_000_000L;
    }

    private static Long packets(CefFields f) {
        Long total = f.boxedNumber(LeefKeys.TOTAL_PACKETS);
        if (total != null) {
            return total;
        }
        long sent = f.number(LeefKeys.SRC_PACKETS);
        long received = f.number(LeefKeys.DST_PACKETS);
        return sent == CefFields.ABSENT || received == CefFields.ABSENT ? null : sent + received;
    }

    /** For want of {@code src}/{@code dst}: the pre-NAT address; {@code 0.0.0.0} is no address. */
    private static String preNat(CefFields f, int id) {
        return f.unspecifiedAddress(id) ? null : f.address(id);
    }

    private static Integer natPort(CefFields f, int id) {
        long n = f.number(id);
        return n <= 0 || n > 0xffff ? null : Integer.valueOf((int) n);
    }
}
