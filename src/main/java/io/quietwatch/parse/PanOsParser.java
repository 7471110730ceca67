package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Palo Alto Networks PAN-OS logs in the default syslog format, comma-separated values as the "Syslog
 * Field Descriptions" of PAN-OS 6.1 to 11.x give them: {@code FUTURE_USE, Receive Time, Serial Number,
 * Type, Threat/Content Type, FUTURE_USE, Generated Time, ...} and then the fields of each log type.
 * Fields are taken by position; newer versions append fields, so lines longer than a reader needs are
 * fine, and fields added after 6.1 are read where present.
 *
 * <ul>
 *   <li>TRAFFIC: connection {@code start}/{@code end} and denied sessions ({@link PanOsTraffic}).</li>
 *   <li>THREAT and URL: URL filtering as category {@code web}, other threats as {@code network}
 *       ({@link PanOsThreat}).</li>
 *   <li>GLOBALPROTECT (9.1+) and the SYSTEM {@code globalprotect} events before it: VPN sessions with
 *       user, public and assigned address ({@link PanOsGlobalProtect}, {@link PanOsSystem}).</li>
 *   <li>SYSTEM, CONFIG, USERID, HIPMATCH: what they carry ({@link PanOsSystem}, {@link PanOsUserId}).</li>
 *   <li>Any other type (DECRYPTION, tunnel inspection, GTP, SCTP, ...): the session fields when the line
 *       has addresses where session logs have them, else time, device and type.</li>
 * </ul>
 *
 * <p>Time: Generated Time, which the firewall writes in its local time, read in the input's zone (an
 * ISO 8601 stamp with an offset keeps its offset); else Receive Time; else the syslog header's; else the
 * context clock's now. The device is the Device Name field where the line has one, else the syslog
 * host. A line with too few fields for its type, or a session field that cannot be read, is
 * {@code Malformed} with the field's name. Stateless and thread-safe.
 */
public final class PanOsParser implements EventParser {
    /** The format name. */
    public static final String NAME = "panos";

    static final int RECEIVE_TIME = 1;
    static final int TYPE = 3;
    static final int SUBTYPE = 4;
    static final int GENERATED_TIME = 6;
    /** PAN-OS 9.1.0-9.1.2 GLOBALPROTECT logs put two fields before Type. */
    static final int EARLY_GLOBALPROTECT_SHIFT = 2;

    private static final String VENDOR = "Palo Alto Networks";
    private static final String PRODUCT = "PAN-OS";
    private static final int COMMON = GENERATED_TIME + 1;
    private static final int CAPACITY = PanOsThreat.FIELDS;

    private final SyslogLocalTime localTime = new SyslogLocalTime();

    @Override
    public String name() {
        return NAME;
    }

    /** Receive Time after the first comma, and an upper-case log type as the fourth field. */
    @Override
    public boolean claims(SyslogMessage message) {
        return message != null && message.message() != null && PanOsShape.typeField(message.message()) >= 0;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String text = message == null ? null : message.message();
        int typeField = text == null ? -1 : PanOsShape.typeField(text);
        if (typeField < 0) {
            return ParseResult.NOT_MINE;
        }
        try {
            return ParseResult.parsed(read(message, text, typeField - TYPE, context));
        } catch (PanOsFieldException e) {
            return ParseResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("PAN-OS log", e);
        }
    }

    private LogEvent read(SyslogMessage m, String s, int shift, ParseContext context) {
        PanOsCsv f = new PanOsCsv(s, PanOsShape.trimmedEnd(s), CAPACITY + shift);
        int found = f.ensure(COMMON + shift);
        if (found < COMMON + shift) {
            throw PanOsFieldException.tooFewFields(typeName(f, shift), found, COMMON + shift);
        }
        LogEventBuilder b = LogEvent.builder()
                .timestamp(time(m, f, shift, context))
                .observerVendor(VENDOR)
                .observerProduct(PRODUCT)
                .observerHostname(m.hostname())
                .format(NAME)
                .original(m.original());
        if (shift != 0) {
            PanOsGlobalProtect.read(f, b, shift);
        } else if (f.is(TYPE, "TRAFFIC")) {
            PanOsTraffic.read(f, b);
        } else if (f.is(TYPE, "THREAT")) {
            PanOsThreat.read(f, b, false);
        } else if (f.is(TYPE, "URL")) {
            PanOsThreat.read(f, b, true);
        } else if (f.is(TYPE, "GLOBALPROTECT")) {
            PanOsGlobalProtect.read(f, b, 0);
        } else if (f.is(TYPE, "SYSTEM")) {
            PanOsSystem.system(f, b);
        } else if (f.is(TYPE, "CONFIG")) {
            PanOsSystem.config(f, b);
        } else if (f.is(TYPE, "USERID")) {
            PanOsUserId.userId(f, b);
        } else if (f.is(TYPE, "HIPMATCH") || f.is(TYPE, "HIP-MATCH")) {
            PanOsUserId.hipMatch(f, b);
        } else {
            otherType(f, b);
        }
        return b.build(context.internal());
    }

    /**
     * A log type without a reader of its own: the type is the event code, and when the line has
     * addresses where session logs have them, the session fields up to Action are read as far as
     * they can be.
     */
    private static void otherType(PanOsCsv f, LogEventBuilder b) {
        b.eventCode(f.text(TYPE));
        if (f.ensure(PanOsNetwork.FIELDS) < PanOsNetwork.FIELDS || !PanOsNetwork.isAddress(f, PanOsNetwork.SOURCE)
                || !PanOsNetwork.isAddress(f, PanOsNetwork.DESTINATION)) {
            return;
        }
        b.category(LogEvent.CATEGORY_NETWORK)
                .sourceIp(PanOsNetwork.address(f, PanOsNetwork.SOURCE, "Source Address"))
                .destinationIp(PanOsNetwork.address(f, PanOsNetwork.DESTINATION, "Destination Address"));
        try {
            PanOsNetwork.read(f, b);
        } catch (PanOsFieldException e) {
            // Not the session layout after all: keep what was read before the odd field.
        }
    }

    /** Sets the observer's name from a Device Name field when the line has one. */
    static void deviceName(PanOsCsv f, int i, LogEventBuilder b) {
        String name = f.text(i);
        if (name != null) {
            b.observerHostname(name);
        }
    }

    private long time(SyslogMessage m, PanOsCsv f, int shift, ParseContext context) {
        String s = f.line();
        int generated = GENERATED_TIME + shift;
        long t = PanOsTime.read(s, f.from(generated), f.to(generated), context.defaultZone(), localTime);
        if (t == PanOsTime.NONE) {
            t = PanOsTime.read(s, f.from(RECEIVE_TIME), f.to(RECEIVE_TIME), context.defaultZone(), localTime);
        }
        if (t == PanOsTime.NONE) {
            t = m.hasTimestamp() ? m.timestamp() : context.clock().millis();
        }
        return t;
    }

    private static String typeName(PanOsCsv f, int shift) {
        String type = f.text(TYPE + shift);
        return type == null ? "PAN-OS" : type;
    }
}
