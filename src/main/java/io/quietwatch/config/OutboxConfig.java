package io.quietwatch.config;

/**
 * The durable outbox between the alert router and the sinks ({@code outbox:}).
 *
 * @param path                 folder of the outbox files (default {@code var/outbox})
 * @param maxAttempts          attempts per alert and sink before it is dead-lettered ({@code max_attempts}, default 10)
 * @param retryInitialSeconds  first retry delay; doubles per attempt, with jitter ({@code retry_initial_seconds}, default 1)
 * @param retryMaxSeconds      longest retry delay, also the cap on a peer's Retry-After ({@code retry_max_seconds}, default 300)
 * @param segmentMb            size of one outbox file before the next is started ({@code segment_mb}, default 64)
 */
public record OutboxConfig(String path, Integer maxAttempts, Integer retryInitialSeconds, Integer retryMaxSeconds,
                           Integer segmentMb) {
    public OutboxConfig {
        path = path == null ? "var/outbox" : path;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        retryInitialSeconds = retryInitialSeconds == null ? 1 : retryInitialSeconds;
        retryMaxSeconds = retryMaxSeconds == null ? 300 : retryMaxSeconds;
        segmentMb = segmentMb == null ? 64 : segmentMb;
    }

    /** Every default. */
    public static OutboxConfig defaults() {
        return new OutboxConfig(null, null, null, null, null);
    }
}
