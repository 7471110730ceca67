package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import io.quietwatch.config.SinkConfig;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The lifecycle every HTTP sink shares: {@link #start()} collects the configuration's problems and
 * those found while reading secrets ({@link #prepare}), refuses to start listing them all, then opens
 * an {@link HttpTransport}; {@link #deliver} makes the sink's one attempt ({@link #attempt}) and turns
 * any runtime error into a retry, so nothing is thrown at the caller.
 */
public abstract class HttpAlertSink implements AlertSink {
    private static final Logger LOG = LogManager.getLogger(HttpAlertSink.class);

    private final SinkConfig config;
    private final HttpTimeouts timeouts;
    /** For {@code Retry-After} dates and time stamps. */
    protected final Clock clock;
    private HttpTransport transport;

    protected HttpAlertSink(SinkConfig config, HttpTimeouts timeouts, Clock clock) {
        this.config = config;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    @Override
    public final String name() {
        return config.name();
    }

    @Override
    public final synchronized void start() throws SinkException {
        List<String> problems = new ArrayList<>(config.problems());
        if (problems.isEmpty()) {
            prepare(problems);
        }
        if (!problems.isEmpty()) {
            throw new SinkException(name(), problems);
        }
        if (transport == null) {
            transport = new HttpTransport(name(), timeouts);
        }
    }

    /**
     * Reads secrets and builds credentials and endpoints from a configuration without problems;
     * adds a problem (starting with the key) for each thing that cannot be used.
     */
    protected abstract void prepare(List<String> problems);

    @Override
    public final synchronized Delivery deliver(Alert alert) {
        if (transport == null) {
            return Delivery.retry(0, "sink " + name() + " is not started", 0);
        }
        try {
            return attempt(alert, transport);
        } catch (RuntimeException e) {
            LOG.error("Sink {}: delivering alert {} failed unexpectedly", name(), AlertRef.of(alert), e);
            return Delivery.retry(0, "internal error in sink " + name() + ": " + AlertText.oneLine(e.toString(), 200), 0);
        }
    }

    /** One delivery attempt: at most the requests the sink documents, classified, never retried here. */
    protected abstract Delivery attempt(Alert alert, HttpTransport http);

    /**
     * The outcome of a failed request made before the delivery itself (a dedupe search): classified as a
     * delivery reply to {@code target} would be, its reason prefixed with {@code what}.
     */
    protected Delivery failedBefore(String what, HttpReply reply, String target) {
        Delivery d = ReplyClassifier.classify(reply, target, clock);
        return new Delivery(d.outcome(), d.status(), what + ": " + d.reason(), d.retryAfterMillis());
    }

    /** Builds credentials, adding the failure as a problem of {@code key}; null when they cannot be built. */
    protected static HttpAuth auth(String key, List<String> problems, Supplier<HttpAuth> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    @Override
    public final synchronized void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
