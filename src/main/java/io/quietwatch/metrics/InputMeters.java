package io.quietwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quietwatch.ingest.InputCounters;
import io.quietwatch.ingest.InputEndpoint;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Per-input meters, read from each input's {@link InputCounters} at scrape time. Tagged with the
 * input's name and protocol; the parsing counters with the input's name and configured format.
 */
final class InputMeters {
    private record Count(String name, String unit, String description, Function<InputCounters, LongAdder> adder) {
    }

    private static final List<Count> RECEIVING = List.of(
            new Count("quietwatch.input.received", null, "Messages received (handed to the queue or dropped)", c -> c.received),
            new Count("quietwatch.input.bytes", "bytes", "Bytes of the messages received", c -> c.bytes),
            new Count("quietwatch.input.dropped", null, "Messages dropped because the pipeline queue was full", c -> c.dropped),
            new Count("quietwatch.input.oversize", null, "Datagrams and frames larger than max_message_size, discarded", c -> c.oversize),
            new Count("quietwatch.input.framing.errors", null, "TCP framing errors (bad octet counts); the connection was closed",
                    c -> c.framingErrors),
            new Count("quietwatch.input.rejected.senders", null, "Datagrams and connections from senders not in allowed_senders",
                    c -> c.rejectedSenders),
            new Count("quietwatch.input.refused.connections", null, "TCP/TLS connections refused at max_connections",
                    c -> c.refusedConnections),
            new Count("quietwatch.input.tls.failures", null, "TLS handshakes that failed", c -> c.tlsFailures),
            new Count("quietwatch.input.backpressure.pauses", null,
                    "Times a TCP/TLS connection stopped reading because the pipeline queue was full", c -> c.backpressurePauses));

    private static final List<Count> PARSING = List.of(
            new Count("quietwatch.parser.parsed", null, "Messages parsed into an event", c -> c.parsed),
            new Count("quietwatch.parser.unparsed", null, "Messages no parser could read (counted, sampled to the dead-letter file)",
                    c -> c.unparsed));

    private InputMeters() {
    }

    static void bind(MeterRegistry registry, List<InputEndpoint> inputs) {
        for (InputEndpoint in : inputs) {
            InputCounters c = in.counters();
            Tags receiving = Tags.of("input", in.name(), "protocol", in.config().protocol());
            register(registry, RECEIVING, receiving, c);
            register(registry, PARSING, Tags.of("input", in.name(), "format", in.config().format()), c);
            Gauge.builder("quietwatch.input.connections", c, x -> x.connections.get())
                    .description("Open TCP/TLS connections").tags(receiving).register(registry);
        }
    }

    private static void register(MeterRegistry registry, List<Count> counts, Tags tags, InputCounters c) {
        for (Count n : counts) {
            LongAdder a = n.adder().apply(c);
            FunctionCounter.builder(n.name(), a, LongAdder::sum).baseUnit(n.unit()).description(n.description())
                    .tags(tags).register(registry);
        }
    }
}
