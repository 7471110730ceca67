package io.quietwatch.alert;

/**
 * Where alerts go: a file, a mailbox, a ticketing system, another SIEM.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>constructed from its typed configuration;</li>
 *   <li>{@link #start()} checks the configuration and opens what it needs; it refuses to start, with an
 *       exception listing every problem, rather than fail later;</li>
 *   <li>{@link #deliver(Alert)} is called for each alert, from one thread at a time; it never throws
 *       into the caller, and says whether the alert was delivered, should be retried later, or was
 *       rejected for good;</li>
 *   <li>{@link #close()} flushes and releases resources; it is idempotent.</li>
 * </ol>
 */
public interface AlertSink extends AutoCloseable {

    /** Outcome of one delivery. */
    enum Outcome { DELIVERED, RETRY_LATER, REJECTED }

    /** The sink's configured name, used in logs and counters. */
    String name();

    /** Opens the sink. */
    void start() throws Exception;

    /** Delivers one alert. Never throws. */
    Outcome deliver(Alert alert);

    /** Flushes and releases. Idempotent. */
    @Override
    void close();
}
