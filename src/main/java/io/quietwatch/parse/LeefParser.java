package io.quietwatch.parse;

/**
 * IBM QRadar's Log Event Extended Format: LEEF 1.0 {@code LEEF:1.0|Vendor|Product|Version|EventID|}
 * and LEEF 2.0 {@code LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|}, then {@code key=value}
 * attributes ({@link LeefAttributes} for the delimiter rules), found anywhere in the message or right
 * after a syslog tag {@code LEEF:}. A 2.0 header whose sixth field is already an attribute (no
 * delimiter field) is read as 1.0.
 *
 * <p>Mapping: vendor and product to {@code observer.*}, the event id to {@code eventCode};
 * {@code src}/{@code dst} (else {@code srcPreNAT}/{@code dstPreNAT}), {@code srcPort}/{@code dstPort},
 * {@code proto}; {@code srcPostNAT}/{@code dstPostNAT} and their ports to the NAT fields
 * ({@code 0.0.0.0} and port 0 mean none); {@code action}, else a verdict word in {@code cat} or the
 * event id, to {@code action} and {@code outcome}; {@code srcBytes}/{@code dstBytes}/{@code totalBytes}
 * (IBM words {@code dstBytes} as "the byte count to the event destination", but PAN-OS and Zscaler
 * fill it with what the destination sent, and so does this parser), {@code srcPackets}/
 * {@code dstPackets}/{@code totalPackets}; {@code usrName} (else {@code SourceUser},
 * {@code accountName}); {@code devTime} with {@code devTimeFormat} ({@link LeefTime}; a {@code dtz}
 * names the zone of a stamp without one), else the syslog header's time, else now; {@code url},
 * {@code hostname}, {@code reqmethod}, {@code respcode}, {@code contenttype}, {@code useragent},
 * {@code fname} for web records (Zscaler); {@code SessionID}, {@code RuleName}/{@code policy},
 * {@code IngressInterface}/{@code EgressInterface}, {@code ElapsedTime} (seconds) or
 * {@code durationms}, {@code SessionEndReason}, and {@code Subtype} {@code start}/{@code end} to the
 * phase (PAN-OS). {@code Malformed}: a header cut short or endpoint values that do not read.
 * Stateless and thread-safe.
 */
public final class LeefParser implements EventParser {
    /** The format name. */
    public static final String NAME = "leef";

    private static final String MARKER = "LEEF:";
    private static final int V1_FIELDS = 5;
    private static final int V2_FIELDS = 6;

    private final LeefTime time = new LeefTime(new CefTime());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean claims(SyslogMessage message) {
        return message != null && message.message() != null && versionAt(message) >= 0;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        String text = message == null ? null : message.message();
        int at = text == null ? -1 : versionAt(message);
        if (at < 0) {
            return ParseResult.NOT_MINE;
        }
        try {
            return read(message, text, at, context);
        } catch (RuntimeException e) {
            // The contract is "never throws on input"; a reader bug must not stop the pipeline either.
            return ParseResult.unreadable("LEEF message", e);
        }
    }

    private ParseResult read(SyslogMessage m, String text, int at, ParseContext context) {
        boolean v2 = text.charAt(at) == '2';
        CefHeader h = CefHeader.read(text, at, v2 ? V2_FIELDS : V1_FIELDS, v2 ? 0 : '\t');
        if (h.count() < V1_FIELDS) {
            return ParseResult.malformed("LEEF header cut off: " + h.count() + " of " + V1_FIELDS
                    + " fields before the attributes");
        }
        if (!version(text, h.from(0), h.to(0))) {
            return ParseResult.malformed("LEEF version is not a number");
        }
        int attributes;
        String delimiter = null;
        if (!v2) {
            attributes = h.end();
        } else if (h.count() == V2_FIELDS && !pair(text, h)) {
            delimiter = LeefAttributes.named(text, h.from(V1_FIELDS), h.to(V1_FIELDS));
            attributes = h.end();
        } else {
            attributes = h.from(V1_FIELDS);
        }
        CefFields f = new CefFields(text, LeefKeys.SIZE, false);
        LeefAttributes.scan(text, attributes, delimiter, f);
        CefEndpoints ends = CefEndpoints.read(f, LeefKeys.SRC, "src", LeefKeys.DST, "dst", LeefKeys.SRC_PORT,
                "srcPort", LeefKeys.DST_PORT, "dstPort");
        if (ends.problem != null) {
            return ParseResult.malformed(ends.problem);
        }
        return ParseResult.parsed(LeefEvents.build(m, context, h, f, ends, time));
    }

    /** The sixth field holds a {@code key=value}: a 2.0 header without its delimiter field. */
    private static boolean pair(String text, CefHeader h) {
        int eq = text.indexOf('=', h.from(V1_FIELDS));
        return eq >= 0 && eq < h.to(V1_FIELDS);
    }

    /** {@code 1.0}, {@code 2.0}, {@code 1}, {@code 2}: digits with at most one dot. */
    private static boolean version(String s, int from, int to) {
        to = CefPairs.trimEnd(s, from, to);
        int dots = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from && dots <= 1 && s.charAt(from) != '.';
    }

    /**
     * Index of the version after the first {@code LEEF:} that a digit follows, or 0 when the syslog
     * header took {@code LEEF:} for a tag; -1 when the line is not LEEF.
     */
    static int versionAt(SyslogMessage m) {
        String s = m.message();
        int i = s.indexOf(MARKER);
        while (i >= 0) {
            int v = CefPairs.skipBlanks(s, i + MARKER.length(), s.length());
            if (v < s.length() && Character.isDigit(s.charAt(v))) {
                return v;
            }
            i = s.indexOf(MARKER, i + 1);
        }
        if ("LEEF".equalsIgnoreCase(m.appName()) && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
            int bar = s.indexOf('|');
            return bar > 0 && bar < 6 ? 0 : -1;
        }
        return -1;
    }
}
