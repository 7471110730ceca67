package io.quietwatch.parse;

/**
 * A Zeek record field that is missing or unreadable, or a JSON object that is cut off. Thrown by the
 * Zeek readers, caught by {@link ZeekParser} and returned as {@code Malformed}; it never leaves the
 * parser. Without a stack trace: bad input is routine, not a bug.
 */
final class ZeekSyntaxException extends RuntimeException {
    ZeekSyntaxException(String message) {
        super(message, null, false, false);
    }
}
