package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

/**
 * Outcome of one parser on one line: an event, "not my format", or "my format but broken".
 * Parsers return one of these and never throw on input.
 */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.NotMine, ParseResult.Malformed {

    /** The line was read into an event. */
    record Parsed(LogEvent event) implements ParseResult {
    }

    /** The line is not in this parser's format; another parser may take it. */
    record NotMine() implements ParseResult {
    }

    /** The line is in this parser's format but cannot be read; {@code reason} says why. */
    record Malformed(String reason) implements ParseResult {
    }

    ParseResult NOT_MINE = new NotMine();

    static ParseResult parsed(LogEvent event) {
        return new Parsed(event);
    }

    static ParseResult malformed(String reason) {
        return new Malformed(reason);
    }

    /**
     * A parser's catch-all: {@code what} (e.g. "CEF message") could not be read because the reader threw.
     * Parsers never throw on input; a reader bug costs the line, not the pipeline. The reason ends with
     * the exception's class name, which the fuzz tests look for.
     */
    static ParseResult unreadable(String what, RuntimeException e) {
        return new Malformed("unreadable " + what + ": " + e.getClass().getSimpleName());
    }
}
