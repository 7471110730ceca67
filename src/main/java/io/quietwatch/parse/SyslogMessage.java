package io.quietwatch.parse;

/**
 * A log line split into its syslog header (RFC 3164, RFC 5424, or none) and the message the device
 * wrote. Produced by {@link SyslogHeaderParser}; handed to the vendor {@link EventParser}s.
 *
 * @param original       the whole line as received (without the framing's trailer)
 * @param priority       PRI value 0-191, or -1 when the line has none
 * @param timestamp      header time in epoch milliseconds, or {@link #NO_TIMESTAMP}
 * @param hostname       header host name, or null
 * @param appName        RFC 3164 tag / RFC 5424 APP-NAME without pid and colon ({@code kernel}), or null
 * @param structuredData RFC 5424 STRUCTURED-DATA text as received ({@code [id k="v"]...}), or null
 * @param message        the message after the header; the whole line when there is no header
 */
public record SyslogMessage(
        String original,
        int priority,
        long timestamp,
        String hostname,
        String appName,
        String structuredData,
        String message) {

    /** Marks a header without a usable time stamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** True when the header carried a time stamp. */
    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    /** A message with no header at all: the line is the message. */
    public static SyslogMessage bare(String line) {
        return new SyslogMessage(line, -1, NO_TIMESTAMP, null, null, null, line);
    }
}
