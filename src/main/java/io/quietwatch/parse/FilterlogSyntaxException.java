package io.quietwatch.parse;

/**
 * A field of a filterlog record that is missing or unreadable. Thrown by {@link FilterlogCursor} and the
 * filterlog readers, caught by {@link FilterlogParser} and returned as {@code Malformed}; it never leaves
 * the parser. Without a stack trace: bad input is routine, not a bug.
 */
final class FilterlogSyntaxException extends RuntimeException {
    FilterlogSyntaxException(String message) {
        super(message, null, false, false);
    }
}
