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
 *       {@code Malformed}; it never throws on any input, and what it keeps between lines (caches
 *       that make reading faster) never changes a result, so one instance may be used from several
 *       threads.</li>
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

    /**
     * {@link #parse} of a line this parser {@link #claims}, else {@code NotMine}: what {@code auto} asks
     * each format. By default {@code parse} itself, as a parser's {@code parse} answers {@code NotMine} for
     * the lines its {@code claims} rejects (it makes the same marker test first); a parser whose
     * {@code parse} reads more than it claims (for a format chosen by name), or does more work than the
     * marker test before it says {@code NotMine}, overrides this to test first.
     */
    default ParseResult parseIfMine(SyslogMessage message, ParseContext context) {
        return parse(message, context);
    }
}
