package io.quietwatch.parse;

/**
 * ArcSight Common Event Format (CEF, "Implementing ArcSight CEF" revision 25):
 * {@code CEF:Version|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity|Extension},
 * found anywhere in the message (some senders put their own text before it) or right after a syslog
 * tag {@code CEF:}. Header escapes {@code \|} and {@code \\}; extension rules in {@link CefPairs}
 * and {@link CefFields}.
 *
 * <p>Mapping: vendor and product to {@code observer.*}; the event class id to {@code eventCode};
 * {@code src}/{@code dst} (else {@code shost}/{@code dhost} when they are address literals, else a
 * custom field labelled as a source/destination IPv6 address), {@code spt}/{@code dpt}, {@code proto}
 * (name or IANA number), {@code act} to {@code action}, and its verdict to {@code outcome}
 * ({@link CefVerdicts}; without {@code act}: {@code outcome}, the class id or the name's last word,
 * e.g. Forcepoint's {@code Connection_Discarded}); {@code in}/{@code out} to source/destination bytes
 * ({@link CefEvents} on vendors that reverse them); the {@code *Translated*} keys to the NAT fields
 * ({@code 0.0.0.0} and port 0 mean none); {@code deviceInbound}/{@code OutboundInterface};
 * {@code request} to {@code url} and {@code urlDomain} ({@code dhost} when the URL has no host),
 * {@code requestMethod}, {@code requestClientApplication}, {@code fname} (else the URL's file name),
 * {@code contenttype} or a {@code fileType} shaped {@code type/subtype} to {@code mimeType}, a numeric
 * {@code outcome} of a web record to {@code httpStatus}; {@code suser}, else {@code duser}, to
 * {@code userName}; {@code externalId} to {@code connectionId}; {@code reason}; {@code dvchost} (else
 * the syslog host, else {@code dvc}) to {@code observer.hostname}; time and duration per
 * {@link CefStamps}. Custom fields ({@link CefCustom}, {@link CefLabels}) fill what the standard keys
 * left empty: a label naming a user, URL, rule or policy, session id (preferred over
 * {@code externalId}, which PAN-OS fills with a log sequence number), duration, packets, HTTP status,
 * content type or user agent. {@code phase} is {@code start}/{@code end} from a class id of that name
 * (PAN-OS), {@code end} for FortiGate's session-closing actions or any record with a duration that
 * was not denied. {@code category} is {@code web} with a URL, else {@code network} with an address.
 *
 * <p>Not mapped, for want of an event field: severity, name, {@code cat}, {@code cnt},
 * {@code fsize}, {@code deviceDirection} (direction is derived from the internal networks), host
 * names that are not addresses. {@code Malformed}: a header cut short, a version that is not a number,
 * or endpoint values ({@code src}, {@code dst}, {@code spt}, {@code dpt}) that are not an address or a
 * port, the usual sign of a line cut off. Thread-safe; it keeps the headers of recent lines
 * ({@link CefHeaders}) with the extension keys that followed them ({@link KeyLayout}), which make reading
 * faster, never different.
 */
public final class CefParser implements EventParser {
    /** The format name. */
    public static final String NAME = "cef";

    private static final String MARKER = "CEF:";
    private static final int HEADER_FIELDS = 7;
    private static final int MAX_SEVERITY = 10;

    private final CefTime time = new CefTime();
    private final CefLabels labels = new CefLabels();
    private final CefHeaders headers = new CefHeaders();

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
            return ParseResult.unreadable("CEF message", e);
        }
    }

    private ParseResult read(SyslogMessage m, String text, int at, ParseContext context) {
        CefHeader h = headers.find(text, at);
        int extension;
        if (h != null) {
            extension = at + h.end(); // a kept header's text is the header alone
        } else {
            h = CefHeader.read(text, at, HEADER_FIELDS, (char) 0);
            if (h.count() < HEADER_FIELDS && !(h.count() == HEADER_FIELDS - 1 && severityOnly(text, h))) {
                return ParseResult.malformed("CEF header cut off: " + h.count() + " of " + HEADER_FIELDS
                        + " fields before the extension");
            }
            if (CefFields.number(text, h.from(0), CefPairs.trimEnd(text, h.from(0), h.to(0))) < 0) {
                return ParseResult.malformed("CEF version is not a number");
            }
            extension = h.end();
            if (h.count() == HEADER_FIELDS) {
                h = headers.keep(text, at, h);
            }
        }
        CefFields f = new CefFields(text, CefKeys.SIZE, true);
        if (h.count() == HEADER_FIELDS) {
            h.layout(CefPairs.scan(text, extension, text.length(), CefKeys.TABLE, f, h.layout()));
        }
        CefEndpoints ends = CefEndpoints.cef(f);
        if (ends.problem != null) {
            return ParseResult.malformed(ends.problem);
        }
        CefStamps stamps = CefStamps.read(m, context, f, time);
        return ParseResult.parsed(CefEvents.build(m, context, h, f, ends, CefCustom.resolve(f, labels), stamps));
    }

    /** A line ending in the severity without its closing pipe: a header with no extension. */
    private static boolean severityOnly(String s, CefHeader h) {
        int from = h.from(HEADER_FIELDS - 1);
        int to = CefPairs.trimEnd(s, from, s.length());
        if (to == from || to - from > MAX_SEVERITY) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the version after the first {@code CEF:} that a digit follows (blanks allowed between),
     * or 0 when the syslog header took {@code CEF:} for a tag; -1 when the line is not CEF.
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
        if ("CEF".equalsIgnoreCase(m.appName()) && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
            int bar = s.indexOf('|');
            return bar > 0 && bar < 4 ? 0 : -1;
        }
        return -1;
    }
}
