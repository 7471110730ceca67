package io.quietwatch.parse;

/**
 * Reads one vendor's log format into {@link io.quietwatch.event.LogEvent}s.
 *
 * <p>Contract:
 * <ol>
 *   <li>{@link #name()} is the format's name as used by {@code --format} and {@code format:}.</li>
 *   <li>{@link #claims(SyslogMessage)} is a cheap marker test (a prefix or {@code indexOf}, no regular
 *       expression) used by {@code auto} detection to pick the parser for a line. It may claim lines it
 *       then finds malformed.</li>
 *   <li>{@link #parse(SyslogMessage, ParseContext)} returns {@code Parsed}, {@code NotMine} or
 *       {@code Malformed}; it never throws on any input and keeps no state between lines, so one
 *       instance may be used from several threads.</li>
 *   <li>The event's time is the line's own time stamp when it has one, else the syslog header's, else
 *       the context clock's now.</li>
 * </ol>
 */
public interface EventParser {

    /** Format name, lower case, e.g. {@code cisco-asa}. */
    String name();

    /** Cheap test: does this line look like this parser's format? */
    boolean claims(SyslogMessage message);

    /** Reads the line. Never throws on input. */
    ParseResult parse(SyslogMessage message, ParseContext context);
}
