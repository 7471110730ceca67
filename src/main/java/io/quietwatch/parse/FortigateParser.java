package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.FortigateKeys.ACTION;
import static io.quietwatch.parse.FortigateKeys.CATDESC;
import static io.quietwatch.parse.FortigateKeys.DEVNAME;
import static io.quietwatch.parse.FortigateKeys.DSTIP;
import static io.quietwatch.parse.FortigateKeys.HOSTNAME;
import static io.quietwatch.parse.FortigateKeys.LOGID;
import static io.quietwatch.parse.FortigateKeys.REASON;
import static io.quietwatch.parse.FortigateKeys.SRCIP;
import static io.quietwatch.parse.FortigateKeys.STATUS;
import static io.quietwatch.parse.FortigateKeys.SUBTYPE;
import static io.quietwatch.parse.FortigateKeys.TYPE;
import static io.quietwatch.parse.FortigateKeys.URL;

/**
 * Reads Fortinet FortiGate (FortiOS 5.x-7.x) syslog in its default {@code key=value} form, as the
 * FortiOS Log Message Reference describes it: {@code date=2024-05-02 time=08:31:47 devname="fw1"
 * devid="FG100F..." eventtime=... tz="+0200" logid="0000000013" type="traffic" subtype="forward" ...},
 * behind a syslog header or not. Field order varies by firmware ({@code devname} first in 6.4+,
 * {@code logver=}/{@code timestamp=} first in some 7.x builds), so fields are read by name.
 *
 * <p>{@code type=traffic} logs are connection records: {@code deny} is denied, everything else
 * allowed; {@code action=start} starts a session and close/timeout/client-rst/server-rst (and
 * {@code accept} in a session-end log with a duration) end it. {@code type=utm} logs carry the
 * security profile's verdict; web filter ones are {@code web} events with the URL rebuilt from
 * {@code hostname} and {@code url}; FortiOS 5 and earlier wrote the profile as the type
 * ({@code type=webfilter}, {@code type=ips}, ...) and FortiOS 4 older field names ({@code src},
 * {@code status}, ...), read the same way. {@code type=event subtype=vpn} logs are VPN sessions
 * ({@link FortigateVpn}). Every other log gives the time, device, log id, action and whatever
 * addresses, ports and user it carries. The time is {@link FortigateTime}'s.
 *
 * <p>A value that the field cannot hold (an address that is not one, a port over 65535, a byte
 * count with letters) or a traffic log without a {@code srcip} or {@code dstip} key is
 * {@code Malformed}, with the field named; empty and {@code N/A} values are absent, not errors.
 * Stateless and thread-safe.
 */
public final class FortigateParser implements EventParser {
    /** The format name. */
    public static final String NAME = "fortigate";

    private static final String VENDOR = "Fortinet";
    private static final String PRODUCT = "FortiGate";

    private final FortigateTime time = new FortigateTime();

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Two of three markers, each a key at the start of the message or after a blank or comma: {@code logid=},
     * {@code devname=}/{@code devid=}, {@code type=}. The blank keeps out Fortinet's CEF output
     * ({@code FTNTFGTlogid=}) and the single {@code type=} a CEF or other key=value line may have.
     */
    @Override
    public boolean claims(SyslogMessage message) {
        return message != null && claims(message.message());
    }

    static boolean claims(String s) {
        if (s == null || s.indexOf('=') < 0) {
            return false;
        }
        int marks = key(s, "logid=") ? 1 : 0;
        if (key(s, "devname=") || key(s, "devid=")) {
            marks++;
        }
        return marks == 2 || marks == 1 && key(s, "type=");
    }

    private static boolean key(String s, String key) {
        int at = s.indexOf(key);
        while (at > 0 && s.charAt(at - 1) != ' ' && s.charAt(at - 1) != ',') {
            at = s.indexOf(key, at + 1);
        }
        return at >= 0;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String s = message == null ? null : message.message();
        if (s == null || s.indexOf('=') < 0) {
            return ParseResult.NOT_MINE;
        }
        try {
            // the scan finds the markers of a FortiOS line on its way; the text search of claims() is
            // needed only when it did not (devid without devname, a marker after a '>' or a quote)
            FortigateFields f = FortigateFields.scan(s);
            if (!marked(f) && !claims(s)) {
                return ParseResult.NOT_MINE;
            }
            return read(message, f, context);
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return claims(s) ? ParseResult.unreadable("FortiGate log", e) : ParseResult.NOT_MINE;
        }
    }

    /**
     * The markers of {@link #claims(String)} as the scan found them, spelled as claims() spells them
     * ({@code logid}, not the alias {@code log_id}): true only where claims() is true too.
     */
    private static boolean marked(FortigateFields f) {
        int marks = (f.keyIs(LOGID, "logid") ? 1 : 0) + (f.keyIs(DEVNAME, "devname") ? 1 : 0);
        return marks == 2 || marks == 1 && f.keyIs(TYPE, "type");
    }

    private ParseResult read(SyslogMessage m, FortigateFields f, ParseContext context) {
        LogEventBuilder b = LogEvent.builder()
                .timestamp(time.millis(f, m, context))
                .observerVendor(VENDOR)
                .observerProduct(PRODUCT)
                .observerHostname(f.has(DEVNAME) ? f.text(DEVNAME) : m.hostname())
                .format(NAME)
                .eventCode(f.text(LOGID))
                .action(f.text(ACTION))
                .reason(reason(f))
                .original(m.original());
        FortigateNetwork.apply(f, b);
        if (f.is(TYPE, "traffic")) {
            // Missing keys mean a cut-off line; empty values are what log sanitisers leave.
            String missing = !f.present(SRCIP) ? "missing srcip" : !f.present(DSTIP) ? "missing dstip" : null;
            if (missing != null) {
                return ParseResult.malformed(missing);
            }
            int action = FortigateVerdicts.trafficAction(f);
            if (action != ACTION) {
                b.action(f.text(action));
            }
            b.category(LogEvent.CATEGORY_NETWORK)
                    .outcome(FortigateVerdicts.trafficOutcome(f, action))
                    .phase(FortigateVerdicts.trafficPhase(f, action));
        } else if (FortigateVerdicts.utm(f)) {
            utm(f, b);
        } else if (f.is(TYPE, "event")) {
            event(f, b);
        }
        if (f.error() != null) {
            return ParseResult.malformed(f.error());
        }
        return ParseResult.parsed(b.build(context.internal()));
    }

    private static void utm(FortigateFields f, LogEventBuilder b) {
        boolean web = f.is(SUBTYPE, "webfilter") || f.is(TYPE, "webfilter");
        b.category(web ? LogEvent.CATEGORY_WEB : LogEvent.CATEGORY_NETWORK).outcome(FortigateVerdicts.utmOutcome(f));
        if (web && !f.has(REASON)) {
            b.reason(f.text(CATDESC));
        }
        if (f.has(HOSTNAME) || f.has(URL)) {
            FortigateWeb.apply(f, b, FortigateValues.port(f, FortigateKeys.DSTPORT));
        }
    }

    private static void event(FortigateFields f, LogEventBuilder b) {
        if (f.is(SUBTYPE, "vpn")) {
            FortigateVpn.apply(f, b);
        } else if (f.is(ACTION, "login") || f.is(ACTION, "auth-logon") || f.is(ACTION, "authentication")) {
            if (f.is(STATUS, "success")) {
                b.outcome(LogEvent.ALLOWED);
            } else if (f.is(STATUS, "failed") || f.is(STATUS, "failure")) {
                b.outcome(LogEvent.DENIED);
            }
        }
    }

    private static String reason(FortigateFields f) {
        return f.is(REASON, "none") ? null : f.text(REASON);
    }
}
