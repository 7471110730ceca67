package io.quietwatch.parse;

/**
 * A field of a proxy access log line that is missing or unreadable. Thrown by {@link SquidCursor} and
 * the Squid line readers, caught by {@link SquidParser} and returned as {@code Malformed}; it never
 * leaves the parser. Without a stack trace: bad input is routine, not a bug.
 */
final class SquidSyntaxException extends RuntimeException {
    SquidSyntaxException(String message) {
        super(message, null, false, false);
    }
}
