package io.quietwatch.parse;

import java.time.ZoneId;

/**
 * The time of a CEF event and the duration of the session it reports: {@code rt} (when the device
 * received or logged the event) wins, then {@code end}, then {@code start}, then the syslog header's
 * stamp, then the context clock's now. A stamp without a zone is in the zone {@code dtz} names, else
 * in the input's default zone. An unreadable stamp is passed over, not fatal: the line still carries
 * its addresses. The duration is {@code end - start} when both read and end is not before start.
 */
final class CefStamps {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final long timestamp;
    private final Long durationNanos;

    private CefStamps(long timestamp, Long durationNanos) {
        this.timestamp = timestamp;
        this.durationNanos = durationNanos;
    }

    static CefStamps read(SyslogMessage m, ParseContext context, CefFields f, CefTime time) {
        ZoneId zone = context.defaultZone();
        if (f.present(CefKeys.DTZ)) {
            ZoneId named = CefTime.zone(f.line(), f.from(CefKeys.DTZ), f.to(CefKeys.DTZ));
            zone = named != null ? named : zone;
        }
        long rt = stamp(f, CefKeys.RT, time, zone, context);
        long end = stamp(f, CefKeys.END, time, zone, context);
        long start = stamp(f, CefKeys.START, time, zone, context);
        long at = rt != CefTime.NONE ? rt : end != CefTime.NONE ? end : start;
        if (at == CefTime.NONE) {
            at = m.hasTimestamp() ? m.timestamp() : context.clock().millis();
        }
        Long duration = null;
        if (end != CefTime.NONE && start != CefTime.NONE && end >= start) {
            duration = (end - start) * NANOS_PER_MILLI;
        }
        return new CefStamps(at, duration);
    }

    long timestamp() {
        return timestamp;
    }

    Long durationNanos() {
        return durationNanos;
    }

    private static long stamp(CefFields f, int id, CefTime time, ZoneId zone, ParseContext context) {
        if (!f.present(id)) {
            return CefTime.NONE;
        }
        return time.read(f.line(), f.from(id), f.to(id), zone, context.clock());
    }
}
