package io.quietwatch.ingest;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Wraps the pipeline's {@link MessageHandoff} so that a handoff that throws (a bug downstream) costs
 * one message, counted as dropped by the caller, and never a receive thread or a connection.
 */
final class GuardedHandoff implements MessageHandoff {
    private static final Logger log = LogManager.getLogger(GuardedHandoff.class);

    private final MessageHandoff delegate;
    private final LogThrottle errorLog = LogThrottle.perMinute(5);

    GuardedHandoff(MessageHandoff delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean offer(RawMessage message) {
        return Boolean.TRUE.equals(tryOffer(message));
    }

    @Override
    public boolean hasRoom() {
        try {
            return delegate.hasRoom();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** True if the message was taken, false if there was no room, null if the handoff failed (logged). */
    Boolean tryOffer(RawMessage message) {
        try {
            return delegate.offer(message);
        } catch (RuntimeException e) {
            long suppressed = errorLog.acquire();
            if (suppressed >= 0) {
                log.error("Input {}: the pipeline handoff failed; message dropped ({} similar errors suppressed)",
                        message.endpoint().name(), suppressed, e);
            }
            return null;
        }
    }
}
