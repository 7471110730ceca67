package io.quietwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sink whose delivery attempts are timed ({@code quietwatch.sink.delivery}, by sink and outcome),
 * with histogram buckets from 10 ms to 30 s so slow ticketing peers show in a heat map.
 */
final class TimedSink implements AlertSink {
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final AlertSink sink;
    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    TimedSink(AlertSink sink, MeterRegistry registry) {
        this.sink = sink;
        for (Outcome o : Outcome.values()) {
            timers.put(o, Timer.builder("quietwatch.sink.delivery")
                    .description("Time of one delivery attempt, by outcome (delivered, retry_later, rejected)")
                    .tag("sink", sink.name()).tag("outcome", o.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
    }

    @Override
    public String name() {
        return sink.name();
    }

    @Override
    public void start() throws SinkException {
        sink.start();
    }

    @Override
    public Delivery deliver(Alert alert) {
        long start = System.nanoTime();
        Delivery d = null;
        try {
            d = sink.deliver(alert);
            return d;
        } finally {
            // a sink that throws is retried by the outbox, so it counts as retry_later
            timers.get(d == null ? Outcome.RETRY_LATER : d.outcome()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        sink.close();
    }
}
