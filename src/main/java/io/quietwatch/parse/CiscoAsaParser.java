package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Reads Cisco ASA, Firepower Threat Defense and PIX messages: {@code %ASA-<severity>-<id>: <text>},
 * also {@code %FTD-}, {@code %PIX-} and the {@code %ASA-session-6-302013:} form. The marker is looked
 * for anywhere in the message, so stray prefixes ({@code fw1 : %ASA-...}) or a whole line whose
 * syslog header was not recognised still parse.
 *
 * <p>Connection messages 302013-302016 and 302020/302021 become {@code start}/{@code end} events;
 * deny and access-list messages 106001, 106006, 106007, 106014, 106015, 106023 and 106100 become
 * {@code allowed}/{@code denied} events. Remote-access VPN messages become {@code session} events
 * naming the user, the user's public address (the source) and the address the VPN assigned: 722051
 * and 751025 (address assigned), 113039, 716001 and 722022 ({@code start}), 113019, 716002, 722023
 * and 722037 ({@code end}; 113019 with duration and bytes), 113004/113012 and 113005/113015 (AAA
 * results), 716039 (rejected login), 722041 and 734001 (DAP). Any other message id yields an event
 * with what every ASA line has: time, observer, event code and the original line, plus the user and
 * address of a 113xxx, 713xxx, 716xxx or 722xxx message that opens with them. A known id whose fields
 * are missing or unreadable is {@code Malformed}, with the reason naming the field and offset.
 *
 * <p>Source and destination (Cisco TAC document 116149): a built message names the responder after
 * {@code for} when it is {@code outbound} and the initiator when it is {@code inbound}. A teardown
 * keeps the side order but has no direction word, and this parser keeps no state, so the side with
 * the lower port is taken as the server (the destination); on equal ports the outbound reading is
 * taken ({@code for} is the destination). An ICMP teardown is read as outbound: {@code laddr} is the
 * source, {@code faddr} the destination. The parenthesised mapped addresses become the NAT fields of
 * their side; the first identity or AAA user found (source side first) becomes the user.
 *
 * <p>ASA bodies carry no time of their own: the event time is the syslog header's, else the context
 * clock's now. Stateless and thread-safe.
 */
public final class CiscoAsaParser implements EventParser {
    /** The format name. */
    public static final String NAME = "cisco-asa";

    private static final String VENDOR = "Cisco";
    private static final int MARKER_LENGTH = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean claims(SyslogMessage message) {
        return message != null && message.message() != null && markerAt(message.message()) >= 0;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String text = message == null ? null : message.message();
        int at = text == null ? -1 : markerAt(text);
        if (at < 0) {
            return ParseResult.NOT_MINE;
        }
        try {
            return ParseResult.parsed(read(message, text, at, context));
        } catch (AsaSyntaxException e) {
            return ParseResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("ASA message", e);
        }
    }

    private static LogEvent read(SyslogMessage m, String text, int at, ParseContext context) {
        String product = product(text.charAt(at + 1));
        AsaCursor c = new AsaCursor(text, at + MARKER_LENGTH, trimmedEnd(text));
        c.label(product, null);
        String idText = header(c, product);
        c.label(product, idText);
        LogEventBuilder b = LogEvent.builder()
                .timestamp(m.hasTimestamp() ? m.timestamp() : context.clock().millis())
                .observerVendor(VENDOR)
                .observerProduct(product)
                .observerHostname(m.hostname())
                .format(NAME)
                .eventCode(idText)
                .original(m.original());
        body(Integer.parseInt(idText), c, b);
        return b.build(context.internal());
    }

    /** Reads {@code [word-]severity-id[:]} ({@code session-6-302013:}) and returns the id text. */
    private static String header(AsaCursor c, String product) {
        String text = c.text();
        if (Character.isLetter(c.peek())) {
            int i = c.pos();
            while (i < c.end() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i < c.end() && text.charAt(i) == '-' && i - c.pos() > 1) {
                c.pos(i + 1);
            }
        }
        char severity = c.peek();
        if (severity < '0' || severity > '7') {
            throw c.fail("no severity after %" + product + "-");
        }
        c.advance(1);
        if (!c.tryLiteral("-")) {
            throw c.fail("no '-' after the severity");
        }
        int start = c.pos();
        while (!c.atEnd() && c.pos() - start < 9 && c.peek() >= '0' && c.peek() <= '9') {
            c.advance(1);
        }
        if (c.pos() == start || !c.atEnd() && c.peek() != ':' && c.peek() != ' ') {
            throw c.fail("no message id after %" + product + "-" + severity + "-");
        }
        String id = text.substring(start, c.pos());
        c.tryLiteral(":");
        return id;
    }

    private static void body(int id, AsaCursor c, LogEventBuilder b) {
        switch (id) {
            case 302013, 302015 -> AsaConnections.built(c, b);
            case 302014, 302016 -> AsaConnections.teardown(c, b);
            case 302020 -> AsaConnections.icmpBuilt(c, b);
            case 302021 -> AsaConnections.icmpTeardown(c, b);
            case 106001 -> AsaDenies.inboundTcp(c, b);
            case 106006, 106007 -> AsaDenies.inboundUdp(c, b);
            case 106014 -> AsaDenies.icmp(c, b);
            case 106015 -> AsaDenies.noConnection(c, b);
            case 106023 -> AsaDenies.accessGroup(c, b);
            case 106100 -> AsaAccessList.read(c, b);
            case 722051 -> AsaVpnAddresses.addressAssigned(c, b);
            case 751025 -> AsaVpnAddresses.ikev2AddressAssigned(c, b);
            case 722022 -> AsaVpnSessions.svc(c, b, "svc-established", LogEvent.START);
            case 722023 -> AsaVpnSessions.svc(c, b, "svc-terminated", LogEvent.END);
            case 722037 -> AsaVpnSessions.ended(c, b, "svc-closing");
            case 113039 -> AsaVpnSessions.started(c, b, "session-started");
            case 716001 -> AsaVpnSessions.started(c, b, "webvpn-started");
            case 716002 -> AsaVpnSessions.ended(c, b, "webvpn-terminated");
            case 722041 -> AsaVpnSessions.noIpv6Address(c, b);
            case 716039 -> AsaVpnSessions.rejected(c, b);
            case 734001 -> AsaVpnSessions.dap(c, b);
            case 113019 -> AsaVpnDisconnect.read(c, b);
            case 113004, 113005, 113012, 113015 -> AsaAaa.read(c, b);
            default -> {
                // Every other id: the common fields, plus the user and address of a VPN message.
                if (AsaVpnSessions.isVpnFamily(id)) {
                    AsaVpnSessions.other(c, b);
                }
            }
        }
    }

    /** Index of the first {@code %ASA-}, {@code %FTD-} or {@code %PIX-} in {@code s}, or -1. */
    static int markerAt(String s) {
        int i = s.indexOf('%');
        while (i >= 0 && i + MARKER_LENGTH <= s.length()) {
            if (s.charAt(i + 4) == '-'
                    && (s.startsWith("ASA", i + 1) || s.startsWith("FTD", i + 1) || s.startsWith("PIX", i + 1))) {
                return i;
            }
            i = s.indexOf('%', i + 1);
        }
        return -1;
    }

    private static String product(char first) {
        return switch (first) {
            case 'A' -> "ASA";
            case 'F' -> "FTD";
            default -> "PIX";
        };
    }

    private static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }
}
