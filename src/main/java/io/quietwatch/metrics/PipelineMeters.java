package io.quietwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quietwatch.daemon.DaemonStats;
import io.quietwatch.ingest.InputEndpoint;

import java.time.Clock;
import java.util.List;

/**
 * The meters between the inputs and the sinks: the queue, the pipeline, the dead-letter sample, the
 * engine, the router's totals and the outbox, read from {@link DaemonStats} at scrape time.
 */
final class PipelineMeters {
    private PipelineMeters() {
    }

    static void bind(MeterRegistry registry, DaemonStats stats, Clock clock) {
        Gauge.builder("quietwatch.queue.depth", stats, DaemonStats::queueDepth)
                .description("Messages waiting between the inputs and the pipeline").register(registry);
        Gauge.builder("quietwatch.queue.bytes", stats, DaemonStats::queueBytes).baseUnit("bytes")
                .description("Bytes of the messages waiting between the inputs and the pipeline").register(registry);
        FunctionCounter.builder("quietwatch.pipeline.processed", stats, DaemonStats::processed)
                .description("Messages taken off the queue and parsed or dead-lettered").register(registry);
        FunctionCounter.builder("quietwatch.deadletter.written", stats, s -> s.deadLetters().written())
                .description("Unreadable lines written to the dead-letter file").register(registry);
        FunctionCounter.builder("quietwatch.deadletter.suppressed", stats, s -> s.deadLetters().suppressed())
                .description("Unreadable lines over dead_letter.max_per_second, counted but not written").register(registry);
        List<InputEndpoint> inputs = stats.inputs();
        FunctionCounter.builder("quietwatch.engine.events", inputs,
                        in -> in.stream().mapToLong(e -> e.counters().parsed.sum()).sum())
                .description("Events sent into the rule engine").register(registry);
        Gauge.builder("quietwatch.engine.clock.lag", stats, s -> s.engineTime() > 0 ? (clock.millis() - s.engineTime()) / 1000.0 : Double.NaN)
                .baseUnit("seconds")
                .description("How far the engine's event-time clock is behind this machine's clock (negative: ahead)")
                .register(registry);
        FunctionCounter.builder("quietwatch.alerts.sent", stats, s -> s.router().sent())
                .description("Alerts the router let out to the outbox (first, repeats, summaries)").register(registry);
        FunctionCounter.builder("quietwatch.outbox.appended", stats, s -> s.outbox().appended())
                .description("Alerts appended to the durable outbox since start").register(registry);
    }
}
