package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.FortigateKeys.*;

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

    /**
     * The marker test first: {@link #parse} scans the whole line before it looks for the markers, which
     * for the other formats' lines that {@code auto} asks it about costs more than the test.
     */
    @Override
    public ParseResult parseIfMine(SyslogMessage message, ParseContext context) {
        return claims(message) ? parse(message, context) : ParseResult.NOT_MINE;
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

    /**
     * The event: the values gathered first, then made in one call ({@link LogEventBuilder#create}), cheaper
     * than filling a builder. Unreadable values are recorded on {@code f} and make the line malformed.
     */
    private ParseResult read(SyslogMessage m, FortigateFields f, ParseContext context) {
        long timestamp = time.millis(f, m, context);
        String hostname = f.has(DEVNAME) ? f.text(DEVNAME) : m.hostname();
        String action = f.text(ACTION);
        String reason = reason(f);
        String category = null;
        String outcome = null;
        String phase = null;
        long srcIpv4 = FortigateValues.ipv4(f, SRCIP);
        String src = FortigateValues.address(f, SRCIP, srcIpv4);
        Integer srcPort = FortigateValues.port(f, SRCPORT);
        long dstIpv4 = FortigateValues.ipv4(f, DSTIP);
        String dst = FortigateValues.address(f, DSTIP, dstIpv4);
        Integer dstPort = FortigateValues.port(f, DSTPORT);
        // in this order, so that of two unreadable values the same one is reported as before
        String transport = FortigateNetwork.transport(f);
        Long sent = FortigateValues.count(f, SENTBYTE);
        Long received = FortigateValues.count(f, RCVDBYTE);
        Long packets = FortigateNetwork.packets(f);
        Long duration = FortigateNetwork.duration(f);
        String user = FortigateNetwork.user(f);
        Integer icmpType = FortigateNetwork.icmp(f, ICMPTYPE);
        Integer icmpCode = FortigateNetwork.icmp(f, ICMPCODE);
        String srcNat = FortigateNetwork.nat(f, TRANSIP);
        Integer srcNatPort = srcNat == null ? null : FortigateValues.port(f, TRANSPORT);
        String dstNat = FortigateNetwork.nat(f, TRANIP);
        Integer dstNatPort = dstNat == null ? null : FortigateValues.port(f, TRANPORT);
        String assigned = null;
        String url = null;
        String urlDomain = null;
        String method = null;
        String agent = null;
        String mime = null;
        String file = null;
        if (f.is(TYPE, "traffic")) {
            // Missing keys mean a cut-off line; empty values are what log sanitisers leave.
            String missing = !f.present(SRCIP) ? "missing srcip" : !f.present(DSTIP) ? "missing dstip" : null;
            if (missing != null) {
                return ParseResult.malformed(missing);
            }
            int verdict = FortigateVerdicts.trafficAction(f);
            if (verdict != ACTION) {
                action = f.text(verdict);
            }
            category = LogEvent.CATEGORY_NETWORK;
            outcome = FortigateVerdicts.trafficOutcome(f, verdict);
            phase = FortigateVerdicts.trafficPhase(f, verdict);
        } else if (FortigateVerdicts.utm(f)) {
            boolean web = f.is(SUBTYPE, "webfilter") || f.is(TYPE, "webfilter");
            category = web ? LogEvent.CATEGORY_WEB : LogEvent.CATEGORY_NETWORK;
            outcome = FortigateVerdicts.utmOutcome(f);
            if (web && !f.has(REASON)) {
                reason = f.text(CATDESC);
            }
            if (f.has(HOSTNAME) || f.has(URL)) {
                String host = f.text(HOSTNAME);
                String logged = f.text(URL);
                String raw = f.text(RAWDATA);
                url = FortigateWeb.url(host, logged, FortigateWeb.https(f, dstPort));
                urlDomain = FortigateWeb.domain(host, logged);
                method = FortigateWeb.header(f, HTTPMETHOD, raw, "Method");
                agent = FortigateWeb.header(f, AGENT, raw, "User-Agent");
                mime = FortigateWeb.mime(FortigateWeb.header(f, CONTENTTYPE, raw, "Response-Content-Type"));
                file = f.text(FILENAME);
                if (file == null) {
                    file = FortigateWeb.fileName(logged);
                }
            }
        } else if (f.is(TYPE, "event")) {
            if (f.is(SUBTYPE, "vpn")) {
                category = LogEvent.CATEGORY_SESSION;
                phase = FortigateVpn.phase(f);
                outcome = FortigateVpn.outcome(f);
                String remote = FortigateValues.addressOrNull(f, REMIP);
                if (remote != null) {
                    src = remote;
                    srcIpv4 = -1;
                    srcPort = FortigateValues.port(f, REMPORT);
                    dst = FortigateValues.addressOrNull(f, LOCIP);
                    dstIpv4 = -1;
                    dstPort = dst == null ? null : FortigateValues.port(f, LOCPORT);
                }
                assigned = FortigateVpn.assigned(f);
                user = FortigateVpn.user(f);
            } else if (f.is(ACTION, "login") || f.is(ACTION, "auth-logon") || f.is(ACTION, "authentication")) {
                if (f.is(STATUS, "success")) {
                    outcome = LogEvent.ALLOWED;
                } else if (f.is(STATUS, "failed") || f.is(STATUS, "failure")) {
                    outcome = LogEvent.DENIED;
                }
            }
        }
        LogEvent event = LogEventBuilder.create(context.internal(), timestamp, VENDOR, PRODUCT, hostname, NAME,
                f.text(LOGID), category, action, outcome, phase, reason, src, srcIpv4, srcPort, dst, dstIpv4,
                dstPort, srcNat, srcNatPort, dstNat, dstNatPort,
                transport, duration, sent, received, null, packets, null, null, null, icmpType, icmpCode, f.text(SRCINTF),
                f.text(DSTINTF), FortigateNetwork.rule(f), url, urlDomain, method, null, mime, agent, file, user,
                assigned, f.text(SESSIONID), m.original());
        return f.error() != null ? ParseResult.malformed(f.error()) : ParseResult.parsed(event);
    }

    private static String reason(FortigateFields f) {
        return f.is(REASON, "none") ? null : f.text(REASON);
    }
}
