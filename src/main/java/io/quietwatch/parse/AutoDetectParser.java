package io.quietwatch.parse;

import java.util.List;

/**
 * Format {@code auto}: asks each parser's cheap {@link EventParser#claims} test in turn and lets the
 * first claiming parser read the line. A parser that claims a line but finds it is not its format
 * ({@code NotMine}) passes it on to the next claimant.
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
                result = p.parse(message, context);
                if (!(result instanceof ParseResult.NotMine)) {
                    return result;
                }
            }
        }
        return result;
    }
}
