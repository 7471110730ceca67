package io.quietwatch.alert;

/**
 * Where alerts go: a file, a mailbox, a ticketing system, another SIEM. One implementation per
 * package {@code io.quietwatch.alert.sink.<type>}, made by that package's {@link SinkType}.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>constructed by its {@link SinkType} from a typed, already syntax-checked configuration;</li>
 *   <li>{@link #start()} checks the configuration's values and opens what it needs; it refuses to
 *       start with a {@link SinkException} listing every problem, rather than fail later;</li>
 *   <li>{@link #deliver(Alert)} is called for each alert, from one thread at a time (the sink's own
 *       delivery thread, never the engine's); it makes one attempt, never throws, and says whether the
 *       alert was delivered, should be retried later (with a hint how much later, e.g. from
 *       {@code Retry-After}), or was rejected for good; retries, backoff and dead-lettering are the
 *       outbox's business, not the sink's;</li>
 *   <li>{@link #close()} flushes and releases resources; it is idempotent.</li>
 * </ol>
 * Alert text comes from attackers' traffic: a sink escapes it by the rules of its format (no CR/LF in
 * mail headers, HTML escaped, CEF and JSON escaped), and never interprets it.
 */
public interface AlertSink extends AutoCloseable {

    /** Outcome of one delivery attempt. */
    enum Outcome { DELIVERED, RETRY_LATER, REJECTED }

    /**
     * The result of one attempt.
     *
     * @param outcome          delivered, retry later, or rejected for good
     * @param status           the peer's status code (HTTP status, SMTP reply code), or 0
     * @param reason           a short explanation for the delivery log (an error, the response body's start)
     * @param retryAfterMillis for RETRY_LATER: the peer's requested delay, or 0 for the outbox's backoff
     */
    record Delivery(Outcome outcome, int status, String reason, long retryAfterMillis) {
        public static Delivery delivered(int status) {
            return new Delivery(Outcome.DELIVERED, status, "", 0);
        }

        public static Delivery retry(int status, String reason, long retryAfterMillis) {
            return new Delivery(Outcome.RETRY_LATER, status, reason, retryAfterMillis);
        }

        public static Delivery rejected(int status, String reason) {
            return new Delivery(Outcome.REJECTED, status, reason, 0);
        }
    }

    /** The sink's configured name, used in logs, counters and the outbox. */
    String name();

    /** Checks the configuration and opens the sink. */
    void start() throws SinkException;

    /** One delivery attempt. Never throws. */
    Delivery deliver(Alert alert);

    /** Flushes and releases. Idempotent. */
    @Override
    void close();
}
