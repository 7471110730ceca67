package io.quietwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quietwatch.alert.outbox.Outbox;

import java.util.Map;

/**
 * Per-sink meters read from the outbox's counters: pending, delivered, failed, dead, healthy. The
 * outbox's figures are fetched once per scrape ({@link #refresh}), not once for every meter of every sink.
 */
final class SinkMeters {
    private final Outbox outbox;
    private volatile Map<String, Map<String, Object>> latest;

    private SinkMeters(Outbox outbox) {
        this.outbox = outbox;
        this.latest = outbox.stats();
    }

    static SinkMeters bind(MeterRegistry registry, Outbox outbox) {
        SinkMeters s = new SinkMeters(outbox);
        for (String sink : s.latest.keySet()) {
            Gauge.builder("quietwatch.outbox.pending", s, x -> x.value(sink, "pending"))
                    .description("Alerts in the outbox this sink has not handled yet").tag("sink", sink).register(registry);
            s.counter(registry, sink, "quietwatch.sink.delivered", "delivered", "Alerts the sink delivered");
            s.counter(registry, sink, "quietwatch.sink.failed", "failed_attempts",
                    "Delivery attempts that failed and were retried or given up");
            s.counter(registry, sink, "quietwatch.sink.dead", "dead_lettered",
                    "Alerts rejected or given up after outbox.max_attempts, written to <sink>.dead.jsonl");
            Gauge.builder("quietwatch.sink.healthy", s, x -> Boolean.TRUE.equals(x.latest.get(sink).get("healthy")) ? 1 : 0)
                    .description("1 when the sink's last attempt succeeded, 0 while it fails").tag("sink", sink).register(registry);
        }
        return s;
    }

    /** Fetches the outbox's figures for the meters to read. */
    void refresh() {
        latest = outbox.stats();
    }

    private void counter(MeterRegistry registry, String sink, String name, String key, String description) {
        FunctionCounter.builder(name, this, x -> x.value(sink, key)).description(description).tag("sink", sink)
                .register(registry);
    }

    private double value(String sink, String key) {
        Map<String, Object> m = latest.get(sink);
        return m == null ? Double.NaN : ((Number) m.get(key)).doubleValue();
    }
}
