package io.quietwatch.parse;

/**
 * The event time of a Zeek record: its {@code ts} (epoch seconds with a fraction; whole epoch milli-,
 * micro- or nanoseconds; or ISO 8601 as {@code JSON::TS_ISO8601} writes it, a stamp without an offset
 * being in the context's zone), else the syslog header's stamp, else the context clock's now.
 * Thread-safe: the only state is the zone cache of {@link SyslogLocalTime}.
 */
final class ZeekTime {
    private static final int SHORTEST_ISO = 19;

    private final SyslogLocalTime local = new SyslogLocalTime();

    /**
     * Epoch milliseconds of the record.
     *
     * @throws ZeekSyntaxException when {@code ts} is set but is not a time
     */
    long millis(ZeekFields f, SyslogMessage m, ParseContext context) {
        if (!f.has(ZeekFields.TS)) {
            return m.hasTimestamp() ? m.timestamp() : context.clock().millis();
        }
        String s = f.line;
        int from = f.from(ZeekFields.TS);
        int to = f.to(ZeekFields.TS);
        long millis = to - from >= SHORTEST_ISO && s.charAt(from + 4) == '-'
                ? iso(s.substring(from, to), context)
                : ZeekNumbers.epochMillis(s, from, to);
        if (millis == ZeekNumbers.NONE || millis == SyslogMessage.NO_TIMESTAMP) {
            throw f.bad(ZeekFields.TS, "is not an epoch time or an ISO 8601 date");
        }
        return millis;
    }

    private long iso(String text, ParseContext context) {
        SyslogStamp stamp = new SyslogStamp();
        if (stamp.readIso(text, 0) != text.length()) {
            return ZeekNumbers.NONE;
        }
        return stamp.epochMillis(context.defaultZone(), local, context.clock());
    }
}
