package io.quietwatch.parse;

/**
 * Juniper SRX session logs (Junos {@code RT_FLOW}): {@code RT_FLOW_SESSION_CREATE}, {@code _CLOSE} and
 * {@code _DENY}, with their {@code _LS}/{@code _LOG} variants, in both forms Junos sends:
 * <ul>
 *   <li>structured (RFC 5424, {@code structured-data}): {@code <14>1 ... srx1 RT_FLOW - RT_FLOW_SESSION_CLOSE
 *       [junos@2636.1.1.1.2.40 reason="TCP FIN" source-address="10.0.0.5" ...]} — the tag is the MSGID and
 *       the fields are named parameters;</li>
 *   <li>plain text (stream mode, BSD syslog): {@code RT_FLOW: RT_FLOW_SESSION_CLOSE: session closed TCP FIN:
 *       10.0.0.5/51234->203.0.113.7/443 0x0 junos-https ...} — positional, see {@link SrxText}.</li>
 * </ul>
 * CREATE is a session {@code start} (allowed), CLOSE its {@code end} with elapsed time, packets and bytes
 * per side (the client is the source), DENY a {@code denied} attempt. The session id pairs start with end,
 * the policy is the rule name, the source and destination zones fill the ingress and egress interface
 * fields. Other RT_FLOW messages ({@code APPTRACK_SESSION_*}, ...) give the fields they carry, with no
 * phase or outcome. The events carry no time of their own: the syslog header's is used, else the context
 * clock's now. Stateless and thread-safe.
 */
public final class JuniperSrxParser implements EventParser {
    /** The format name. */
    public static final String NAME = "juniper-srx";

    private static final String APP = "RT_FLOW";
    private static final String VENDOR = "Juniper";
    private static final String PRODUCT = "SRX";

    @Override
    public String name() {
        return NAME;
    }

    /** The {@code RT_FLOW} syslog tag, or {@code RT_FLOW} in the message. */
    @Override
    public boolean claims(SyslogMessage message) {
        if (message == null) {
            return false;
        }
        String text = message.message();
        return APP.equals(message.appName()) || text != null && text.contains(APP);
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
            return ParseResult.unreadable("RT_FLOW message", e);
        }
    }

    private static ParseResult read(SyslogMessage m, ParseContext context) {
        String text = m.message();
        String original = m.original() == null ? text : m.original();
        String sd = m.structuredData();
        int sdInHeader = sd == null ? -1 : sd.indexOf(SrxStructured.MARKER);
        boolean inHeader = sdInHeader >= 0;
        int sdAt = inHeader ? sdInHeader : text.indexOf(SrxStructured.MARKER);
        String fields = inHeader ? sd : text;
        // The tag is the MSGID before the structured data, or the first word of a plain-text message.
        int tagAt = SrxTag.find(text, sdAt >= 0 && !inHeader ? sdAt : text.length());
        String tagText = text;
        if (tagAt < 0) {
            int limit = sdAt >= 0 ? original.indexOf(SrxStructured.MARKER) : original.length();
            tagAt = SrxTag.find(original, limit < 0 ? original.length() : limit);
            tagText = original;
        }
        if (tagAt < 0 && sdAt < 0 && !APP.equals(m.appName())) {
            return ParseResult.NOT_MINE;
        }
        int tagEnd = tagAt < 0 ? tagAt : SrxTag.end(tagText, tagAt);
        int kind = tagAt < 0 ? SrxTag.OTHER : SrxTag.kind(tagText, tagAt, tagEnd);
        SrxSession session = new SrxSession(fields);
        String problem = null;
        if (sdAt >= 0) {
            problem = SrxStructured.read(session, sdAt);
        } else if (kind != SrxTag.OTHER) {
            problem = SrxText.read(session, tagText == text ? body(text, tagEnd) : 0, kind);
        }
        if (problem != null) {
            return ParseResult.malformed(problem);
        }
        return session.event(context, m.hasTimestamp() ? m.timestamp() : context.clock().millis(), VENDOR, PRODUCT,
                m.hostname(), NAME, tagAt < 0 ? null : tagText.substring(tagAt, tagEnd), kind, original);
    }

    /** Where the text after {@code TAG:} starts. */
    private static int body(String text, int tagEnd) {
        int i = tagEnd;
        if (i < text.length() && text.charAt(i) == ':') {
            i++;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
