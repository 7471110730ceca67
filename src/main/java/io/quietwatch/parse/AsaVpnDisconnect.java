package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Reader of 113019, the end-of-session summary of every remote-access and LAN-to-LAN VPN session:
 * {@code Group = g, Username = u, IP = ip, Session disconnected. Session Type: t, Duration: 1h:02m:03s,
 * Bytes xmt: n, Bytes rcv: n, Reason: r}. The bytes are counted by the ASA: {@code xmt} went to the
 * peer and {@code rcv} came from it, so the peer (the source) sent {@code rcv}.
 */
final class AsaVpnDisconnect {
    private static final String DURATION = "Duration:";
    private static final String BYTES_XMT = "Bytes xmt:";
    private static final String BYTES_RCV = "Bytes rcv:";
    private static final String REASON = "Reason:";

    private AsaVpnDisconnect() {
    }

    static void read(AsaCursor c, LogEventBuilder b) {
        AsaVpnIdentity.readEquals(c).apply(b);
        to(c, DURATION);
        long duration = c.sessionDurationNanos("duration");
        to(c, BYTES_XMT);
        long sent = c.number("bytes xmt");
        to(c, BYTES_RCV);
        long received = c.number("bytes rcv");
        String reason = null;
        int at = c.find(REASON);
        if (at >= 0) {
            c.pos(at + REASON.length());
            reason = AsaVpnSessions.withoutPeriod(c.rest());
        }
        b.action("session-disconnected").outcome(LogEvent.ALLOWED).phase(LogEvent.END)
                .durationNanos(duration).sourceBytes(received).destinationBytes(sent)
                .reason(reason == null || reason.isEmpty() ? null : reason);
    }

    private static void to(AsaCursor c, String key) {
        int at = c.find(key);
        if (at < 0) {
            throw c.fail("expected '" + key + "'");
        }
        c.pos(at + key.length());
    }
}
