package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * TRAFFIC logs ("Traffic Log Fields" of the PAN-OS syslog field descriptions, 6.1 to 11.x): the
 * session fields, then Bytes, Bytes Sent, Bytes Received, Packets, Start Time, Elapsed Time, ...,
 * Session End Reason (index 46, since 6.1), ..., Device Name (index 52, since 7.0). Lines need the
 * fields up to Elapsed Time; the later ones are read where present.
 *
 * <p>Subtype {@code start} is the session start ({@code phase start}), {@code end} its end
 * ({@code phase end}, with the elapsed seconds as the duration); {@code drop} and {@code deny} are
 * denied sessions whatever the Action field says. Bytes Sent are the source's bytes.
 */
final class PanOsTraffic {
    static final int BYTES = 31;
    static final int BYTES_SENT = 32;
    static final int BYTES_RECEIVED = 33;
    static final int PACKETS = 34;
    static final int ELAPSED_TIME = 36;
    static final int SESSION_END_REASON = 46;
    static final int DEVICE_NAME = 52;
    /** Fields up to and including Elapsed Time. */
    static final int REQUIRED = ELAPSED_TIME + 1;
    /** Fields up to and including Device Name. */
    static final int FIELDS = DEVICE_NAME + 1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND;

    private PanOsTraffic() {
    }

    static void read(PanOsCsv f, LogEventBuilder b) {
        int found = f.ensure(FIELDS);
        if (found < REQUIRED) {
            throw PanOsFieldException.tooFewFields("TRAFFIC", found, REQUIRED);
        }
        String action = PanOsNetwork.read(f, b);
        boolean start = f.is(PanOsParser.SUBTYPE, "start");
        boolean denied = f.is(PanOsParser.SUBTYPE, "drop") || f.is(PanOsParser.SUBTYPE, "deny");
        b.category(LogEvent.CATEGORY_NETWORK)
                .eventCode(f.text(PanOsParser.SUBTYPE))
                .outcome(denied ? LogEvent.DENIED : PanOsNetwork.outcome(action))
                .phase(start ? LogEvent.START : f.is(PanOsParser.SUBTYPE, "end") ? LogEvent.END : null)
                .networkBytes(count(f, BYTES, "Bytes"))
                .sourceBytes(count(f, BYTES_SENT, "Bytes Sent"))
                .destinationBytes(count(f, BYTES_RECEIVED, "Bytes Received"))
                .networkPackets(count(f, PACKETS, "Packets"));
        Long elapsed = count(f, ELAPSED_TIME, "Elapsed Time");
        if (elapsed != null && elapsed > MAX_SECONDS) {
            throw new PanOsFieldException("Elapsed Time is out of range");
        }
        if (!start && elapsed != null) {
            b.durationNanos(elapsed * NANOS_PER_SECOND);
        }
        if (!f.isIgnoreCase(SESSION_END_REASON, "n/a")) {
            b.reason(f.text(SESSION_END_REASON));
        }
        PanOsParser.deviceName(f, DEVICE_NAME, b);
    }

    /** A byte, packet or seconds count; null when empty, an error naming the field when not a number. */
    static Long count(PanOsCsv f, int i, String name) {
        long value = f.number(i);
        if (value == PanOsCsv.EMPTY) {
            return null;
        }
        if (value == PanOsCsv.NOT_A_NUMBER) {
            throw new PanOsFieldException(name + " is not a number");
        }
        return value;
    }
}
