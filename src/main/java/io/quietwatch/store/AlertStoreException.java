package io.quietwatch.store;

/** The alert store's database could not do what was asked; the message names the operation and the cause. */
public final class AlertStoreException extends RuntimeException {
    public AlertStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
