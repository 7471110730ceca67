package io.quietwatch.state;

/** A snapshot file that cannot be read back: corrupt, truncated, or of another format version. */
public final class SnapshotFormatException extends Exception {
    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
