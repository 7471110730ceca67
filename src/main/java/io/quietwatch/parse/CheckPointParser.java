package io.quietwatch.parse;

/**
 * Check Point gateways and management servers through the Log Exporter ({@code cp_log_export}) in its
 * syslog format: an RFC 5424 line whose structured-data position holds the record,
 * {@code <134>1 2026-11-26T10:00:00Z gw-cp CheckPoint 1234 - [action:"Accept"; ifdir:"outbound";
 * origin:"10.0.0.1"; time:"1732615200"; src:"10.0.0.5"; s_port:"51234"; dst:"203.0.113.7";
 * service:"443"; proto:"6"; product:"VPN-1 & FireWall-1"; ...]}, the same record on a bare line, and
 * the {@code [Fields@1.3.6.1.4.1.2620 key="value" ...]} structured-data variant. See
 * {@link CheckPointRecord} for the syntax and {@link CheckPointEvent} for the field meanings.
 *
 * <p>The record's own {@code time} wins over the syslog header's; records of every blade give what
 * they carry (time, gateway, addresses, ports, action), audit and system records included. The
 * gateway is the syslog host, else the record's {@code origin}. Thread-safe; it keeps the key
 * sequences of the records it has read ({@link KeyTrie}), which make reading faster, never different.
 */
public final class CheckPointParser implements EventParser {
    /** The format name. */
    public static final String NAME = "checkpoint";

    private static final String VENDOR = "Check Point";
    private static final String APP = "CheckPoint";
    private static final String FIELDS_SD = "@1.3.6.1.4.1.2620";
    private static final String ORIGIN = "origin:\"";

    /** The key sequences of earlier records ({@link KeyTrie}); shared by the threads that parse. */
    private final KeyTrie keys = new KeyTrie();

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The {@code CheckPoint} syslog app name; or {@code origin:"} with {@code action:"} or
     * {@code product:"}; or the Check Point enterprise number in the structured-data id.
     */
    @Override
    public boolean claims(SyslogMessage message) {
        if (message == null) {
            return false;
        }
        if (APP.equalsIgnoreCase(message.appName())) {
            return true;
        }
        String sd = message.structuredData();
        if (sd != null && sd.contains(FIELDS_SD)) {
            return true;
        }
        String text = message.message();
        if (text == null) {
            return false;
        }
        int colonQuote = text.indexOf(":\"");
        if (colonQuote >= 0 && text.indexOf(ORIGIN, colonQuote - ORIGIN.length() + 2) >= 0
                && (text.contains("action:\"") || text.contains("product:\""))) {
            return true;
        }
        return text.contains(FIELDS_SD);
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        if (!claims(message) || message.message() == null) {
            return ParseResult.NOT_MINE;
        }
        try {
            return read(message, context);
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("Check Point record", e);
        }
    }

    private ParseResult read(SyslogMessage m, ParseContext context) {
        String sd = m.structuredData();
        String s = sd != null && sd.contains(FIELDS_SD) ? sd : m.message();
        int start = CheckPointRecord.start(s);
        if (start < 0) {
            return ParseResult.NOT_MINE;
        }
        CheckPointRecord r = CheckPointRecord.scan(s, start, keys);
        if (r.error != null) {
            return ParseResult.malformed(r.error);
        }
        if (!r.has(CheckPointKeys.ORIGIN) && !r.has(CheckPointKeys.ACTION) && !r.has(CheckPointKeys.PRODUCT)
                && !r.has(CheckPointKeys.LOGUID) && !r.has(CheckPointKeys.SRC) && !r.has(CheckPointKeys.DST)) {
            return ParseResult.NOT_MINE;
        }
        String host = m.hostname() != null ? m.hostname() : r.text(CheckPointKeys.ORIGIN);
        // the usual epoch number is read in place; only a stamp is copied
        long time = r.epochMillis(CheckPointKeys.TIME, context.defaultZone());
        if (time == SyslogMessage.NO_TIMESTAMP) {
            time = m.hasTimestamp() ? m.timestamp() : context.clock().millis();
        }
        return CheckPointEvent.read(r, context, time, VENDOR, host, NAME, m.original());
    }
}
