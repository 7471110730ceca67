package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

import static io.quietwatch.parse.FilterlogRecord.ABSENT;

/**
 * pfSense and OPNsense packet filter logs: the CSV records their {@code filterlog} daemon writes for each
 * packet a logging pf rule matched ({@code filterlog[1234]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,
 * 0,0,DF,6,tcp,60,203.0.113.5,192.168.1.10,51234,22,0,S,1234,,64240,,mss}), behind an RFC 3164 or
 * RFC 5424 header or none. Layout in {@link FilterlogRecord}; protocol parts in {@link FilterlogProtocols}
 * and {@link FilterlogIcmp}.
 *
 * <p>Each record is one packet: action {@code pass} is allowed, {@code block} and {@code reject} denied;
 * the interface is the ingress interface of an {@code in} packet and the egress one of an {@code out}
 * packet; the rule name is the tracker (pfSense) or rule label (OPNsense), else the rule number. A record
 * cut short is {@code Malformed} naming the first missing field; a protocol filterlog does not decode
 * still gives the addresses and action.
 *
 * <p>The records carry no time: the event time is the syslog header's, else the context clock's now.
 * Stateless and thread-safe.
 */
public final class FilterlogParser implements EventParser {
    /** The format name. */
    public static final String NAME = "filterlog";

    private static final int OPNSENSE_LABEL_LENGTH = 32;
    private static final String PFSENSE = "pfSense";
    private static final String OPNSENSE = "OPNsense";
    private static final Long ONE_PACKET = 1L;

    @Override
    public String name() {
        return NAME;
    }

    /** The syslog tag is {@code filterlog}, or the message holds a record of the filterlog shape. */
    @Override
    public boolean claims(SyslogMessage message) {
        if (message == null || message.message() == null) {
            return false;
        }
        String s = message.message();
        return NAME.equals(message.appName()) || FilterlogShape.recordStart(s, trimmedEnd(s)) >= 0;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String s = message == null ? null : message.message();
        if (s == null) {
            return ParseResult.NOT_MINE;
        }
        int end = trimmedEnd(s);
        int start = FilterlogShape.recordStart(s, end);
        if (start < 0) {
            if (!NAME.equals(message.appName())) {
                return ParseResult.NOT_MINE;
            }
            start = FilterlogShape.skipBlanks(s, 0, end);
        }
        try {
            return ParseResult.parsed(event(message, context, FilterlogRecord.read(s, start, end)));
        } catch (FilterlogSyntaxException e) {
            return ParseResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("filterlog record", e);
        }
    }

    private static LogEvent event(SyslogMessage m, ParseContext context, FilterlogRecord r) {
        String product = product(r.tracker);
        return LogEvent.builder()
                .timestamp(m.hasTimestamp() ? m.timestamp() : context.clock().millis())
                .observerVendor(product == OPNSENSE ? "Deciso" : product == PFSENSE ? "Netgate" : null)
                .observerProduct(product)
                .observerHostname(m.hostname())
                .format(NAME)
                .category(LogEvent.CATEGORY_NETWORK)
                .action(r.action)
                .outcome(outcome(r.action))
                .reason(r.reason)
                .phase(FilterlogProtocols.phase(r))
                .ruleName(r.tracker != null && !r.tracker.equals("0") ? r.tracker : r.ruleNumber)
                .sourceIp(r.source)
                .destinationIp(r.destination)
                .sourcePort(number(r.sourcePort))
                .destinationPort(number(r.destinationPort))
                .transport(FilterlogProtocols.transport(m.message(), r))
                .networkBytes(Long.valueOf(r.length))
                .networkPackets(ONE_PACKET)
                .ipTtl(number(r.ttl))
                .ipId(number(r.id))
                .tcpFlags(FilterlogProtocols.flagText(r.tcpFlags))
                .icmpType(number(r.icmpType))
                .icmpCode(number(r.icmpCode))
                .ingressInterface(r.direction == FilterlogRecord.IN ? r.iface : null)
                .egressInterface(r.direction == FilterlogRecord.OUT ? r.iface : null)
                .original(m.original())
                .build(context.internal());
    }

    private static String outcome(String action) {
        return switch (action) {
            case "pass" -> LogEvent.ALLOWED;
            case "block", "reject", "synproxy-drop" -> LogEvent.DENIED;
            default -> null;
        };
    }

    /**
     * OPNsense labels its rules with an MD5 hex digest where pfSense writes a numeric tracker; a record
     * with neither (OPNsense without labels writes 0) names only the program.
     */
    private static String product(String tracker) {
        if (tracker == null || tracker.equals("0")) {
            return NAME;
        }
        boolean digits = true;
        boolean hex = tracker.length() == OPNSENSE_LABEL_LENGTH;
        for (int i = 0; i < tracker.length() && (digits || hex); i++) {
            char c = tracker.charAt(i);
            digits &= c >= '0' && c <= '9';
            hex &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        return digits ? PFSENSE : hex ? OPNSENSE : NAME;
    }

    private static Integer number(int value) {
        return value == ABSENT ? null : Integer.valueOf(value);
    }

    private static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }
}
