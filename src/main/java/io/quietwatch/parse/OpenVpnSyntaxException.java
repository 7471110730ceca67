package io.quietwatch.parse;

/**
 * A field of an OpenVPN line that is missing or unreadable. Thrown by the OpenVPN readers, caught by
 * {@link OpenVpnParser} and returned as {@code Malformed}; it never leaves the parser. Without a
 * stack trace: bad input is routine, not a bug.
 */
final class OpenVpnSyntaxException extends RuntimeException {
    OpenVpnSyntaxException(String message) {
        super(message, null, false, false);
    }
}
