package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

/**
 * Reads one log line end to end: the syslog header, then the vendor message, with one input's
 * settings (format and time zone). Thread-safe.
 */
public final class LineParser {
    private final SyslogHeaderParser header = new SyslogHeaderParser();
    private final EventParser parser;
    private final ParseContext context;

    public LineParser(EventParser parser, ParseContext context) {
        this.parser = parser;
        this.context = context;
    }

    /** Parser for a format name ({@code auto} or a vendor format). */
    public static LineParser forFormat(String format, ParseContext context) {
        return new LineParser(ParserRegistry.forFormat(format), context);
    }

    /** Parses one line; a line no parser claims is {@code Malformed} with a reason saying so. */
    public ParseResult parse(String line) {
        SyslogMessage m = header.parse(line, context);
        ParseResult r = parser.parse(m, context);
        if (r instanceof ParseResult.NotMine) {
            return ParseResult.malformed(parser.name().equals("auto")
                    ? "no parser recognises this line"
                    : "not a " + parser.name() + " line");
        }
        return r;
    }

    /** Convenience for callers that only want the event: null when the line was not parsed. */
    public LogEvent event(String line) {
        return parse(line) instanceof ParseResult.Parsed p ? p.event() : null;
    }

    /** The settings lines are read with. */
    public ParseContext context() {
        return context;
    }
}
