package io.quietwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quietwatch.alert.outbox.Outbox;

import java.util.Map;

/** Per-sink meters read from the outbox's counters at scrape time: pending, delivered, failed, dead, healthy. */
final class SinkMeters {
    private SinkMeters() {
    }

    static void bind(MeterRegistry registry, Outbox outbox) {
        for (String sink : outbox.stats().keySet()) {
            Gauge.builder("quietwatch.outbox.pending", outbox, o -> value(o, sink, "pending"))
                    .description("Alerts in the outbox this sink has not handled yet").tag("sink", sink).register(registry);
            counter(registry, outbox, sink, "quietwatch.sink.delivered", "delivered", "Alerts the sink delivered");
            counter(registry, outbox, sink, "quietwatch.sink.failed", "failed_attempts",
                    "Delivery attempts that failed and were retried or given up");
            counter(registry, outbox, sink, "quietwatch.sink.dead", "dead_lettered",
                    "Alerts rejected or given up after outbox.max_attempts, written to <sink>.dead.jsonl");
            Gauge.builder("quietwatch.sink.healthy", outbox, o -> Boolean.TRUE.equals(o.stats().get(sink).get("healthy")) ? 1 : 0)
                    .description("1 when the sink's last attempt succeeded, 0 while it fails").tag("sink", sink).register(registry);
        }
    }

    private static void counter(MeterRegistry registry, Outbox outbox, String sink, String name, String key, String description) {
        FunctionCounter.builder(name, outbox, o -> value(o, sink, key)).description(description).tag("sink", sink)
                .register(registry);
    }

    private static double value(Outbox outbox, String sink, String key) {
        Map<String, Object> m = outbox.stats().get(sink);
        return m == null ? Double.NaN : ((Number) m.get(key)).doubleValue();
    }
}
