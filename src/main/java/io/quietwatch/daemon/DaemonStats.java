package io.quietwatch.daemon;

import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.outbox.Outbox;
import io.quietwatch.engine.CapHits;
import io.quietwatch.ingest.InputCounters;
import io.quietwatch.ingest.InputEndpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daemon's counters in one place: per input (received, parsed, unparsed, dropped, ...), the
 * pipeline, and the alerts. Read by the periodic log line, the admin endpoint and the Prometheus metrics.
 */
public final class DaemonStats {
    private final long startedAt;
    private final List<InputEndpoint> inputs;
    private final Pipeline pipeline;
    private final AlertRouter router;
    private final Outbox outbox;
    private final DeadLetterLog deadLetters;
    private final LongSupplier queueDepth;
    private final LongSupplier queueBytes;
    private final LongSupplier engineTime;
    private final CapHits caps;

    private volatile Supplier<Map<String, Object>> alertStore = Map::of;

    public DaemonStats(long startedAt, List<InputEndpoint> inputs, Pipeline pipeline, AlertRouter router, Outbox outbox,
                       DeadLetterLog deadLetters, LongSupplier queueDepth, LongSupplier queueBytes, LongSupplier engineTime,
                       CapHits caps) {
        this.startedAt = startedAt;
        this.inputs = List.copyOf(inputs);
        this.pipeline = pipeline;
        this.router = router;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.queueDepth = queueDepth;
        this.queueBytes = queueBytes;
        this.engineTime = engineTime;
        this.caps = caps;
    }

    /** Adds the alert store's counters ({@code alert_store_*}) to the snapshot. */
    public void alertStore(Supplier<Map<String, Object>> counters) {
        this.alertStore = counters;
    }

    /** A snapshot as nested maps (the admin endpoint's JSON). */
    public Map<String, Object> snapshot(long now) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("uptime_seconds", (now - startedAt) / 1000);
        long received = 0;
        long parsed = 0;
        long unparsed = 0;
        long dropped = 0;
        long oversize = 0;
        long framing = 0;
        long rejected = 0;
        Map<String, Object> perInput = new LinkedHashMap<>();
        for (InputEndpoint in : inputs) {
            InputCounters c = in.counters();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", in.config().protocol());
            m.put("port", in.config().port());
            m.put("received", c.received.sum());
            m.put("bytes", c.bytes.sum());
            m.put("parsed", c.parsed.sum());
            m.put("unparsed", c.unparsed.sum());
            m.put("dropped", c.dropped.sum());
            m.put("oversize", c.oversize.sum());
            m.put("framing_errors", c.framingErrors.sum());
            m.put("rejected_senders", c.rejectedSenders.sum());
            m.put("refused_connections", c.refusedConnections.sum());
            m.put("tls_failures", c.tlsFailures.sum());
            m.put("backpressure_pauses", c.backpressurePauses.sum());
            m.put("connections", c.connections.get());
            perInput.put(in.name(), m);
            received += c.received.sum();
            parsed += c.parsed.sum();
            unparsed += c.unparsed.sum();
            dropped += c.dropped.sum();
            oversize += c.oversize.sum();
            framing += c.framingErrors.sum();
            rejected += c.rejectedSenders.sum();
        }
        s.put("received", received);
        s.put("processed", pipeline.processed());
        s.put("parsed", parsed);
        s.put("unparsed", unparsed);
        s.put("dropped", dropped);
        s.put("oversize", oversize);
        s.put("framing_errors", framing);
        s.put("rejected_senders", rejected);
        s.put("queue_depth", queueDepth.getAsLong());
        s.put("queue_bytes", queueBytes.getAsLong());
        Map<String, Long> capHits = caps.snapshot();
        s.put("cap_hits", capHits.values().stream().mapToLong(Long::longValue).sum());
        s.put("caps", capHits);
        s.put("dead_letter_written", deadLetters.written());
        s.put("dead_letter_suppressed", deadLetters.suppressed());
        s.put("alerts_raised", router.raised());
        s.put("alerts_suppressed", router.held());
        s.put("alerts_sent", router.sent());
        Map<String, Map<String, Object>> sinks = outbox.stats();
        s.put("alerts_delivered", sinks.values().stream().mapToLong(m -> (Long) m.get("delivered")).sum());
        s.put("alerts_dead_lettered", sinks.values().stream().mapToLong(m -> (Long) m.get("dead_lettered")).sum());
        s.put("sinks", sinks);
        s.putAll(alertStore.get());
        long t = engineTime.getAsLong();
        s.put("engine_time", t > 0 ? Instant.ofEpochMilli(t).toString() : null);
        s.put("inputs", perInput);
        return s;
    }

    /** One log line with the totals. */
    public String line(long now) {
        Map<String, Object> s = snapshot(now);
        return "received=" + s.get("received") + " processed=" + s.get("processed") + " parsed=" + s.get("parsed")
                + " unparsed=" + s.get("unparsed") + " dropped=" + s.get("dropped") + " oversize=" + s.get("oversize")
                + " framing_errors=" + s.get("framing_errors") + " rejected_senders=" + s.get("rejected_senders")
                + " queue=" + s.get("queue_depth") + " cap_hits=" + s.get("cap_hits") + " alerts=" + s.get("alerts_raised")
                + " alerts_suppressed=" + s.get("alerts_suppressed") + " alerts_delivered=" + s.get("alerts_delivered");
    }

    /** The inputs with their counters, in config order. */
    public List<InputEndpoint> inputs() {
        return inputs;
    }

    /** Messages taken off the queue and parsed or dead-lettered. */
    public long processed() {
        return pipeline.processed();
    }

    /** The alert router (raised, held back, sent). */
    public AlertRouter router() {
        return router;
    }

    /** The outbox (per-sink delivery counters). */
    public Outbox outbox() {
        return outbox;
    }

    /** The dead-letter sample (written, suppressed). */
    public DeadLetterLog deadLetters() {
        return deadLetters;
    }

    /** Messages waiting in the pipeline queue. */
    public long queueDepth() {
        return queueDepth.getAsLong();
    }

    /** Bytes of the messages waiting in the pipeline queue. */
    public long queueBytes() {
        return queueBytes.getAsLong();
    }

    /** The engine clock, epoch millis (0 before it starts). */
    public long engineTime() {
        return engineTime.getAsLong();
    }
}
