package io.quietwatch.parse;

/**
 * A field of an ASA message that is missing or unreadable. Thrown by {@link AsaCursor} and the ASA
 * message readers, caught by {@link CiscoAsaParser} and returned as {@code Malformed}; it never
 * leaves the parser. Without a stack trace: bad input is routine, not a bug.
 */
final class AsaSyntaxException extends RuntimeException {
    AsaSyntaxException(String message) {
        super(message, null, false, false);
    }
}
