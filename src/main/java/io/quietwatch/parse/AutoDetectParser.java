package io.quietwatch.parse;

import java.util.List;

/**
 * Format {@code auto}: asks each parser's cheap {@link EventParser#claims} test in turn and lets the
 * first claiming parser read the line. A parser that claims a line but cannot read it passes it on to
 * the next claimant; when none can, the first claimant's reason is the result.
 */
public final class AutoDetectParser implements EventParser {
    private final List<EventParser> parsers;

    public AutoDetectParser(List<EventParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public boolean claims(SyslogMessage message) {
        for (EventParser p : parsers) {
            if (p.claims(message)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        ParseResult result = ParseResult.NOT_MINE;
        for (EventParser p : parsers) {
            if (p.claims(message)) {
                ParseResult r = p.parse(message, context);
                if (r instanceof ParseResult.Parsed) {
                    return r;
                }
                if (result instanceof ParseResult.NotMine) {
                    result = r;
                }
            }
        }
        return result;
    }
}
