package io.quietwatch.daemon;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Hands the alerts the router lets out to every sink. Runs on the engine thread; a failing sink is
 * logged and counted, never thrown into the engine.
 */
public final class AlertDispatcher implements Consumer<Alert> {
    private static final Logger LOG = LogManager.getLogger(AlertDispatcher.class);

    private final List<AlertSink> sinks;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public AlertDispatcher(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void accept(Alert alert) {
        for (AlertSink sink : sinks) {
            AlertSink.Outcome outcome;
            try {
                outcome = sink.deliver(alert).outcome();
            } catch (RuntimeException e) {
                outcome = AlertSink.Outcome.RETRY_LATER;
                LOG.error("Sink {} failed on alert {}: {}", sink.name(), alert.id(), e.toString());
            }
            if (outcome == AlertSink.Outcome.DELIVERED) {
                delivered.increment();
            } else {
                failed.increment();
                LOG.warn("Sink {} did not take alert {} ({}): {}", sink.name(), alert.id(), alert.detection(), outcome);
            }
        }
    }

    /** Deliveries that succeeded (one per alert per sink). */
    public long delivered() {
        return delivered.sum();
    }

    /** Deliveries that failed. */
    public long failed() {
        return failed.sum();
    }
}
