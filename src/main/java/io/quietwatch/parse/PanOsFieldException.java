package io.quietwatch.parse;

/**
 * A field of a PAN-OS log that is missing or unreadable, or a line with too few fields. Thrown by the
 * PAN-OS readers, caught by {@link PanOsParser} and returned as {@code Malformed}; it never leaves the
 * parser. Without a stack trace: bad input is routine, not a bug.
 */
final class PanOsFieldException extends RuntimeException {
    PanOsFieldException(String message) {
        super(message, null, false, false);
    }

    /** The line ended before the fields a {@code type} log needs. */
    static PanOsFieldException tooFewFields(String type, int found, int needed) {
        return new PanOsFieldException(type + " log has " + found + " fields, at least " + needed
                + " expected (line cut off?)");
    }
}
